package dev.latchkey.wallet;

import dev.latchkey.trade.build.BuiltTrade;
import java.util.concurrent.CompletableFuture;

/**
 * A trade handed to the signer: its intent id (known at once, for the Activity screen), what it does, and the future
 * of the signer's decision.
 */
public record PendingTrade(String intentId, BuiltTrade trade, CompletableFuture<TradeResult> result) { }
