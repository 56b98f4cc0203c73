package dev.latchkey.app;

import dev.latchkey.aa.execution.Erc7579Execute;
import dev.latchkey.aa.execution.Execution;
import dev.latchkey.session.engine.WindowClaim;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.trade.catalog.CalldataDecoder;
import dev.latchkey.trade.catalog.DecodedCall;
import dev.latchkey.trade.catalog.Token;
import dev.latchkey.trade.catalog.TradeNetwork;
import dev.latchkey.ui.common.Formats;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/** A short sentence for an operation's callData: "Swap 100 USDC → WETH (at least 0.0331 WETH)", "Aave supply 50 DAI". */
final class OperationDescriptions {

    private final TradeNetwork network;
    private final CalldataDecoder decoder;

    OperationDescriptions(TradeNetwork network) {
        this.network = network;
        this.decoder = new CalldataDecoder(network);
    }

    String describe(byte[] callData, Address account) {
        try {
            List<Execution> calls = Erc7579Execute.decode(HexBytes.of(callData)).executions();
            // the call that matters is the last one that is not an approval (approve + swap, approve + supply)
            Execution main = calls.stream().filter(c -> !decode(c, account).function().name()
                    .equals("approve")).reduce((a, b) -> b).orElse(calls.get(calls.size() - 1));
            return sentence(decode(main, account));
        } catch (RuntimeException e) {
            return "Operation outside the trade catalog";
        }
    }

    /**
     * The catalog call, also when it carries the signer's 6-byte window claim (policies.md §2.0): the journal holds
     * the claimed bytes the bundler received.
     */
    private DecodedCall decode(Execution c, Address account) {
        try {
            return decoder.decode(c.target(), c.callData(), account);
        } catch (RuntimeException strict) {
            byte[] d = c.callData().unsafeBytes();
            if (d.length < 4 + WindowClaim.LENGTH) throw strict;
            return decoder.decode(c.target(), HexBytes.of(java.util.Arrays.copyOf(d, d.length - WindowClaim.LENGTH)), account);
        }
    }

    private String sentence(DecodedCall d) {
        String fn = d.function().name();
        return switch (fn) {
            case "exactInputSingle" -> {
                Optional<Token> in = token(d, "tokenIn");
                Optional<Token> out = token(d, "tokenOut");
                yield "Swap " + amount(d, "amountIn", in) + " → " + out.map(Token::symbol).orElse("?") + " (at least "
                        + amount(d, "amountOutMinimum", out) + ")";
            }
            case "supply", "withdraw", "borrow", "repay" -> "Aave " + fn + " " + amount(d, "amount", token(d, "asset"));
            case "transfer" -> "Send " + amount(d, "amount", network.tokenAt(d.target())) + " to "
                    + Formats.shortHex(d.arg("to").map(DecodedCall.Arg::raw).orElse("?"));
            case "approve" -> "Approve " + amount(d, "amount", network.tokenAt(d.target()));
            default -> d.targetLabel().orElse(Formats.shortHex(d.target().checksummed())) + "." + fn;
        };
    }

    private Optional<Token> token(DecodedCall d, String arg) {
        return d.arg(arg).flatMap(a -> network.tokenAt(new Address(a.raw())));
    }

    private static String amount(DecodedCall d, String arg, Optional<Token> token) {
        BigInteger raw = d.arg(arg).map(a -> new BigInteger(a.raw())).orElse(BigInteger.ZERO);
        return token.map(t -> Formats.amount(raw, t.decimals(), t.symbol())).orElse(raw.toString());
    }
}
