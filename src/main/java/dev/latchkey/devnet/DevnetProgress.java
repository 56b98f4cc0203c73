package dev.latchkey.devnet;

/** Receives one line per devnet step ("deploying Uniswap V3", "bundler ready"), e.g. for stderr or a UI. */
@FunctionalInterface
public interface DevnetProgress {

    void step(String message);

    /** Discards progress. */
    static DevnetProgress silent() {
        return message -> { };
    }
}
