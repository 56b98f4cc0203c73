package dev.latchkey.ui.shell;

/** The shell's navigation rail; each placeholder says which work brings the real screen. */
public enum Section {
    PORTFOLIO("Portfolio", "Smart-account address, balances, Aave position and the devnet faucet.",
            "Arrives with issue 06, screen 4 (Portfolio)."),
    TRADE("Trade", "One-click Uniswap and Aave buttons, signed by the background signer within your session limits.",
            "Arrives with issue 06, screen 8 (Trade), on the signer of issue 05."),
    SESSIONS("Sessions", "Build, approve and revoke Smart Sessions; spend meters per token.",
            "Arrives with issue 06, screens 5-7 (Session builder, Approve, Sessions)."),
    ACTIVITY("Activity", "Every decision and operation: approved, refused with reason, pending, included, failed.",
            "Arrives with issue 06, screen 9 (Activity)."),
    SETTINGS("Settings", "Networks, bundler, theme, auto-lock, soft limits, backup and export.",
            "Arrives with issue 06, screen 10 (Settings).");

    private final String title;
    private final String description;
    private final String arrival;

    Section(String title, String description, String arrival) {
        this.title = title;
        this.description = description;
        this.arrival = arrival;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public String arrival() {
        return arrival;
    }
}
