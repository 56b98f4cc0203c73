package dev.latchkey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The wallet commands end to end, scripted with password files (KDF at the accepted floor to stay fast). */
class WalletCommandTest {

    static final String KEY = "7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d";
    static final String KEY_ADDRESS = "0x008AeEda4D805471dF9b2A5B0f38A0C3bCBA786b";

    @TempDir
    Path tmp;

    private record Run(int exit, String out, String err) { }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = LatchkeyCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private String file(String name, String content) throws Exception {
        Path path = tmp.resolve(name);
        Files.writeString(path, content);
        return path.toString();
    }

    @Test
    void scriptedWalletLifecycle() throws Exception {
        String dir = tmp.resolve("w").toString();
        String pw = file("pw", "Quiet-Harbor-42-lantern\n");
        Run init = run("wallet", "init", "--wallet-dir", dir, "--password-file", pw, "--kdf", "65536,3,1", "--json");
        assertThat(init.exit()).as(init.err()).isZero();
        assertThat(init.out()).contains("\"kdf\":\"argon2id(m=65536 KiB, t=3, p=1)\"");

        Run imported = run("wallet", "import-key", "--wallet-dir", dir, "--password-file", pw, "--key-file", file("key", "0x" + KEY + "\n"),
                "--label", "test");
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("address: " + KEY_ADDRESS);

        Run again = run("wallet", "import-key", "--wallet-dir", dir, "--password-file", pw, "--key-file", file("key2", KEY), "--json");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.out()).contains("\"error\":\"InvalidInput\"");
        assertThat(again.err()).contains("already holds");

        Run mnemonic = run("wallet", "import-mnemonic", "--wallet-dir", dir, "--password-file", pw, "--mnemonic-file",
                file("words", "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about\n"));
        assertThat(mnemonic.out()).as(mnemonic.err()).contains("0x9858EfFD232B4033E47d90003D41EC34EcaEda94");

        String exported = tmp.resolve("export.json").toString();
        Run export = run("wallet", "export-keystore", "--wallet-dir", dir, "--password-file", pw, "--address", KEY_ADDRESS,
                "--out", exported, "--export-password-file", file("xpw", "Export-Maple-77-river"), "--light");
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(Files.readString(Path.of(exported))).contains("\"version\":3").doesNotContain(KEY);

        String newPw = file("pw2", "Another-Pine-31-stone");
        Run change = run("wallet", "change-password", "--wallet-dir", dir, "--password-file", pw, "--new-password-file", newPw);
        assertThat(change.exit()).as(change.err()).isZero();
        Run wrong = run("wallet", "import-key", "--wallet-dir", dir, "--password-file", pw, "--key-file", file("k3", KEY));
        assertThat(wrong.exit()).isEqualTo(WalletSubcommand.EXIT_WRONG_PASSWORD);
        assertThat(wrong.err()).contains("wrong password");

        String backupDir = tmp.resolve("backup").toString();
        Run backup = run("wallet", "backup", "--wallet-dir", dir, tmp.resolve("backup").resolve("wallet.db").toString());
        assertThat(backup.exit()).as(backup.err()).isZero();
        Run info = run("wallet", "info", "--wallet-dir", backupDir, "--json");
        assertThat(info.exit()).as(info.err()).isZero();
        assertThat(info.out()).contains("\"integrity\":\"ok\"").contains(KEY_ADDRESS).contains("0x9858EfFD232B4033E47d90003D41EC34EcaEda94");
    }

    @Test
    void importKeystoreV3AndClearErrors() throws Exception {
        String dir = tmp.resolve("w").toString();
        String pw = file("pw", "Quiet-Harbor-42-lantern");
        assertThat(run("wallet", "init", "--wallet-dir", dir, "--password-file", pw, "--kdf", "65536,3,1").exit()).isZero();
        String v3 = file("v3.json", dev.latchkey.keystore.KeystoreV3TestVectors.PBKDF2);
        Run wrong = run("wallet", "import-keystore", "--wallet-dir", dir, "--password-file", pw, v3, "--keystore-password-file",
                file("bad", "nope"));
        assertThat(wrong.exit()).isEqualTo(WalletSubcommand.EXIT_WRONG_PASSWORD);
        Run ok = run("wallet", "import-keystore", "--wallet-dir", dir, "--password-file", pw, v3, "--keystore-password-file",
                file("good", "testpassword"));
        assertThat(ok.out()).as(ok.err()).contains(KEY_ADDRESS);

        Run weak = run("wallet", "init", "--wallet-dir", tmp.resolve("w2").toString(), "--password-file", pw, "--kdf", "8192,1,1");
        assertThat(weak.exit()).isEqualTo(1);
        assertThat(weak.err()).contains("below the accepted minimum");
        Run missing = run("wallet", "info", "--wallet-dir", tmp.resolve("none").toString());
        assertThat(missing.err()).contains("no wallet at");
        Run help = run("wallet");
        assertThat(help.out()).contains("init", "import-key", "import-mnemonic", "import-keystore", "export-keystore",
                "change-password", "backup", "info");
    }

    private static String mode(Path p) throws Exception {
        return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void initBackupAndExportCreateOnlyPrivateFilesAndInfoSaysSo() throws Exception {
        Path walletDir = tmp.resolve("new").resolve("wallet");
        String pw = file("pw", "Quiet-Harbor-42-lantern");
        assertThat(run("wallet", "init", "--wallet-dir", walletDir.toString(), "--password-file", pw, "--kdf", "65536,3,1").exit()).isZero();
        assertThat(run("wallet", "import-key", "--wallet-dir", walletDir.toString(), "--password-file", pw, "--key-file",
                file("key", "0x" + KEY)).exit()).isZero();
        Path backup = tmp.resolve("backups").resolve("b1").resolve("wallet.db");
        assertThat(run("wallet", "backup", "--wallet-dir", walletDir.toString(), backup.toString()).exit()).isZero();
        Path exported = tmp.resolve("exports").resolve("owner.json");
        Files.createDirectories(exported.getParent());
        Run export = run("wallet", "export-keystore", "--wallet-dir", walletDir.toString(), "--password-file", pw, "--address", KEY_ADDRESS,
                "--out", exported.toString(), "--export-password-file", file("xpw", "Export-Maple-77-river"), "--light");
        assertThat(export.exit()).as(export.err()).isZero();

        assertThat(mode(walletDir)).isEqualTo("rwx------");
        assertThat(mode(walletDir.getParent())).as("every folder the wallet created").isEqualTo("rwx------");
        try (var files = Files.list(walletDir)) {
            List<Path> all = files.toList();
            assertThat(all).extracting(f -> f.getFileName().toString()).contains("wallet.db", "wallet.db.lock");
            for (Path f : all) assertThat(mode(f)).as(f.toString()).isEqualTo("rw-------");
        }
        assertThat(mode(backup)).isEqualTo("rw-------");
        assertThat(mode(backup.getParent())).isEqualTo("rwx------");
        assertThat(mode(exported)).as("the --light export too").isEqualTo("rw-------");

        Run info = run("wallet", "info", "--wallet-dir", walletDir.toString(), "--json");
        assertThat(info.out()).contains("\"permissions\":\"private (files rw-------, folder rwx------)\"");
        Files.setPosixFilePermissions(walletDir.resolve("wallet.db"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(walletDir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Run exposed = run("wallet", "info", "--wallet-dir", walletDir.toString(), "--json");
        assertThat(exposed.out()).contains("READABLE BY OTHERS").contains("folder " + walletDir + " is rwxr-xr-x");
        assertThat(mode(walletDir.resolve("wallet.db"))).as("opening the wallet narrows its own files again").isEqualTo("rw-------");
    }

    @Test
    void theCliRefusesThePasswordsTheAppRefuses() throws Exception {
        String dir = tmp.resolve("w").toString();
        for (String weak : new String[] {"", "short", "password123456", "aaaaaaaaaaaa"}) {
            Run init = run("wallet", "init", "--wallet-dir", dir, "--password-file", file("weak", weak + "\n"), "--kdf", "65536,3,1", "--json");
            assertThat(init.exit()).as(weak).isEqualTo(1);
            assertThat(init.out()).as(weak).contains("the wallet password is too weak");
            assertThat(dev.latchkey.keystore.PasswordStrength.of(weak).acceptable()).as("the app's verdict on " + weak).isFalse();
        }
        assertThat(Files.exists(Path.of(dir).resolve("wallet.db"))).as("nothing was created").isFalse();
        String pw = file("pw", "Quiet-Harbor-42-lantern");
        assertThat(run("wallet", "init", "--wallet-dir", dir, "--password-file", pw, "--kdf", "65536,3,1").exit()).isZero();
        Run change = run("wallet", "change-password", "--wallet-dir", dir, "--password-file", pw, "--new-password-file", file("n", "abc"), "--json");
        assertThat(change.out()).contains("the new wallet password is too weak");
    }
}
