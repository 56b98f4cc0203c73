package dev.latchkey.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.chain.Abi;
import dev.latchkey.cli.LatchkeyCommand;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.io.StringWriter;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Keys;
import picocli.CommandLine;

/** {@code latchkey devnet fund} and {@code devnet oracle} against the shared devnet's directory. */
@ExtendWith(DevnetExtension.class)
class DevnetCliTest {

    @Test
    void fundGivesEthAndTokens(Devnet devnet) throws Exception {
        String to = "0x" + Keys.getAddress(Keys.createEcKeyPair());
        int exit = run("devnet", "fund", "--dir", devnet.config().dir().toString(), "--to", to, "--eth", "2.5",
                "--usdc", "1234.5", "--dai", "7", "--weth", "0.25");
        assertThat(exit).isZero();
        assertThat(devnet.client().balance(to)).isEqualTo(new BigInteger("2500000000000000000"));
        assertThat(TestEoa.balanceOf(devnet, "USDC", to)).isEqualTo(BigInteger.valueOf(1_234_500_000L));
        assertThat(TestEoa.balanceOf(devnet, "DAI", to)).isEqualTo(new BigInteger("7000000000000000000"));
        assertThat(TestEoa.balanceOf(devnet, "WETH", to)).isEqualTo(new BigInteger("250000000000000000"));
    }

    @Test
    void oracleMovesTheAavePrice(Devnet devnet) {
        String dir = devnet.config().dir().toString();
        try {
            assertThat(run("devnet", "oracle", "--dir", dir, "--asset", "WETH", "--price", "2500.5")).isZero();
            assertThat(wethPrice(devnet)).isEqualTo(BigInteger.valueOf(250_050_000_000L));
        } finally {
            assertThat(run("devnet", "oracle", "--dir", dir, "--asset", "weth", "--price", "3000")).isZero();
        }
        assertThat(wethPrice(devnet)).isEqualTo(BigInteger.valueOf(300_000_000_000L));
    }

    @Test
    void unknownAssetIsRefusedInWords(Devnet devnet) {
        StringWriter err = new StringWriter();
        CommandLine cli = LatchkeyCommand.commandLine();
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute("devnet", "oracle", "--dir", devnet.config().dir().toString(), "--asset", "PEPE",
                "--price", "1");
        assertThat(exit).isOne();
        assertThat(err.toString()).contains("unknown asset 'PEPE'").contains("USDC, DAI, WETH");
    }

    @Test
    void upOnATakenPortFailsWithTheFix(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            StringWriter err = new StringWriter();
            CommandLine cli = LatchkeyCommand.commandLine();
            cli.setErr(new PrintWriter(err));
            int exit = cli.execute("devnet", "up", "--dir", dir.toString(), "--port",
                    Integer.toString(taken.getLocalPort()));
            assertThat(exit).isOne();
            assertThat(err.toString()).contains("devnet up failed: port " + taken.getLocalPort())
                    .contains("choose a free port with --port");
        }
    }

    private static BigInteger wethPrice(Devnet devnet) {
        return Abi.word(devnet.client().call(devnet.manifest().address("AaveOracle"),
                Abi.call("getAssetPrice(address)", new Address(devnet.manifest().address("WETH")))), 0);
    }

    private static int run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = LatchkeyCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        return cli.execute(args);
    }
}
