package dev.latchkey.trade.catalog;

import dev.latchkey.session.model.Address;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A calldata rendered back into named arguments (review screens). {@code targetMatches} is false when the target
 * is not the contract this function belongs to on the network.
 */
public record DecodedCall(CatalogFunction function, Address target, Optional<String> targetLabel, boolean targetMatches, List<Arg> args) {

    public DecodedCall {
        args = List.copyOf(args);
    }

    /** One argument: {@code raw} is the exact value (decimal, 0x-address or 0x-bytes), {@code display} the readable form. */
    public record Arg(String name, String type, String raw, String display) { }

    public Optional<Arg> arg(String name) {
        return args.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** Multi-line text: {@code SwapRouter02 (0x…).exactInputSingle} then one {@code name: display} line per argument. */
    public String render() {
        String head = targetLabel.orElse(function.contract().label()) + " (" + target.checksummed() + ")"
                + (targetMatches ? "" : " [NOT the network's " + function.contract().label() + "]") + "." + function.name();
        return head + args.stream().map(a -> "\n  " + a.name() + ": " + a.display()).collect(Collectors.joining());
    }
}
