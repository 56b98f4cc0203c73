package dev.latchkey.ui.shell;

/** The shell's navigation rail; each placeholder says which work brings the real screen. */
public enum Section {
    PORTFOLIO("Portfolio", "Smart-account address, balances, Aave position and the devnet faucet.",
            "Arrives with issue 06, screen 4 (Portfolio)."),
    TRADE("Trade", "One-click Uniswap and Aave buttons, signed by the background signer within your session limits.",
            "The trade buttons arrive with issue 06, screen 8, on the wallet services and the signer of issue 05. A trade"
                    + " needs a session that covers it: you can build one now."),
    AUTOMATIONS("Automations", "Limit orders, stops, recurring payments and Aave auto-repay, each within one session.", ""),
    SESSIONS("Sessions", "Your Smart Sessions: status, expiry, uses left and spend meters per token; revoke one or all.",
            "The session list arrives with issue 06, screen 7, on the wallet services. Building and approving a session"
                    + " works now."),
    ACTIVITY("Activity", "Every decision and operation: approved, refused with reason, pending, included, failed.",
            "Arrives with issue 06, screen 9 (Activity)."),
    SETTINGS("Settings", "Networks, bundler, theme, auto-lock, soft limits, backup and export.",
            "Issue 06, screen 10.");

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
