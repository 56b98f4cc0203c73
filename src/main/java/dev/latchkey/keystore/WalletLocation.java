package dev.latchkey.keystore;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where wallets live: Linux {@code $XDG_DATA_HOME/latchkey} or {@code ~/.local/share/latchkey}; macOS
 * {@code ~/Library/Application Support/Latchkey}; Windows {@code %APPDATA%\Latchkey}. {@code --wallet-dir} overrides.
 */
public final class WalletLocation {

    public static final String WALLET_FILE = "wallet.db";

    private WalletLocation() {
    }

    public static Path defaultDirectory() {
        return defaultDirectory(System.getProperty("os.name", ""), System.getenv(), System.getProperty("user.home", "."));
    }

    static Path defaultDirectory(String osName, Map<String, String> env, String userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            Path base = appData != null && !appData.isBlank() ? Path.of(appData) : Path.of(userHome, "AppData", "Roaming");
            return base.resolve("Latchkey");
        }
        if (os.contains("mac") || os.contains("darwin")) {
            return Path.of(userHome, "Library", "Application Support", "Latchkey");
        }
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "latchkey");
        }
        return Path.of(userHome, ".local", "share", "latchkey");
    }

    /** The wallet file inside {@code directory} (or the default directory when null). */
    public static Path walletFile(Path directory) {
        return (directory == null ? defaultDirectory() : directory).resolve(WALLET_FILE);
    }
}
