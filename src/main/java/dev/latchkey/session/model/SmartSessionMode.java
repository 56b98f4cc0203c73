package dev.latchkey.session.model;

/** First byte of a session user operation's signature. */
public enum SmartSessionMode {
    USE(0), ENABLE(1), UNSAFE_ENABLE(2);

    private final int code;

    SmartSessionMode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public boolean enables() {
        return this != USE;
    }
}
