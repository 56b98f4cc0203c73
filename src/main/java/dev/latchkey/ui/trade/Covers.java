package dev.latchkey.ui.trade;

import dev.latchkey.ui.common.Formats;

/** One line about which session signs a trade, or why none can. */
final class Covers {

    private Covers() {
    }

    static String describe(TradePort.Cover cover) {
        if (cover.session().isPresent()) {
            TradePort.Covering c = cover.session().get();
            return "Session " + c.label() + " (" + Formats.shortHex(c.permissionId().hex()) + "): " + c.note();
        }
        return "No session covers this trade. " + String.join("; ", cover.reasons());
    }

    static boolean usable(TradePort.Cover cover) {
        return cover.session().map(TradePort.Covering::usable).orElse(false);
    }
}
