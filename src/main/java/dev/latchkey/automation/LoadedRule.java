package dev.latchkey.automation;

import dev.latchkey.keystore.AutomationRule;
import dev.latchkey.session.model.Address;

/**
 * A rule as the engine holds it between blocks: its row, its decrypted spec (decrypted once per version) and the
 * price levels prepared for its pool.
 */
final class LoadedRule {

    final AutomationRule row;
    final RuleSpec spec;
    ChainReader.Pool pool;
    PriceLevel level;      // limit order
    PriceLevel stopLoss;   // stop
    PriceLevel takeProfit; // stop
    String lastCode = "";

    LoadedRule(AutomationRule row, RuleSpec spec) {
        this.row = row;
        this.spec = spec;
    }

    LoadedRule with(AutomationRule newRow) {
        LoadedRule r = new LoadedRule(newRow, spec);
        r.pool = pool;
        r.level = level;
        r.stopLoss = stopLoss;
        r.takeProfit = takeProfit;
        r.lastCode = lastCode;
        return r;
    }

    boolean baseIsToken0(Address base) {
        return pool.token0().equals(base);
    }
}
