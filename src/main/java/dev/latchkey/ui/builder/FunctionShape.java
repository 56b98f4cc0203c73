package dev.latchkey.ui.builder;

import dev.latchkey.session.model.Selector;
import dev.latchkey.trade.catalog.CatalogField;
import dev.latchkey.trade.catalog.CatalogFunction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.web3j.crypto.Hash;

/**
 * A function as the rule editor sees it: its name, selector and the argument words a rule may compare (name,
 * type, calldata offset from the first argument, and the address argument that names an amount's token). From the
 * catalog, from a typed signature such as {@code transfer(address to,uint256 amount)}, or a bare selector (then
 * rules address raw words by offset).
 */
public record FunctionShape(String name, Optional<String> signature, Selector selector, List<Arg> args) {

    public FunctionShape {
        args = List.copyOf(args);
    }

    /** One argument word; {@code ruleSafe} is false behind an ABI offset (its position is not fixed). */
    public record Arg(String name, String type, long offset, int bits, boolean ruleSafe, Optional<String> unitOf) {
        public boolean isAddress() {
            return type.equals("address");
        }
    }

    public static FunctionShape of(CatalogFunction fn) {
        return new FunctionShape(fn.name(), Optional.of(fn.signature()), fn.selector(),
                fn.fields().stream().map(FunctionShape::arg).toList());
    }

    private static Arg arg(CatalogField f) {
        return new Arg(f.name(), f.type(), f.offset(), f.bits(), f.ruleSafe(), f.unitOf());
    }

    public static FunctionShape bareSelector(Selector selector) {
        return new FunctionShape(selector.hex(), Optional.empty(), selector, List.of());
    }

    public Optional<Arg> arg(String argName) {
        return args.stream().filter(a -> a.name().equals(argName)).findFirst();
    }

    public Optional<Arg> argAt(long offset) {
        return args.stream().filter(a -> a.ruleSafe() && a.offset() == offset).findFirst();
    }

    /**
     * Parses {@code name(type [name], ...)}: elementary types ({@code address bool uintN intN bytesN}) and dynamic
     * ones ({@code bytes string T[]}), whose head word is an offset and therefore not rule-safe. Unnamed arguments are
     * called {@code arg0, arg1, …}. The selector is keccak256 of the canonical signature.
     */
    public static Parsed<FunctionShape> parseSignature(String text) {
        String t = text == null ? "" : text.trim();
        int open = t.indexOf('(');
        if (open <= 0 || !t.endsWith(")")) return Parsed.error("Write name(type name, …), e.g. transfer(address to,uint256 amount).");
        String name = t.substring(0, open).trim();
        if (!name.matches("[A-Za-z_$][A-Za-z0-9_$]*")) return Parsed.error("'" + name + "' is not a function name.");
        String inner = t.substring(open + 1, t.length() - 1).trim();
        if (inner.contains("(")) return Parsed.error("Tuple arguments: enter the selector instead (0x + 8 hex digits).");
        List<String> types = new ArrayList<>();
        List<Arg> args = new ArrayList<>();
        String[] parts = inner.isEmpty() ? new String[0] : inner.split(",");
        for (int i = 0; i < parts.length; i++) {
            String[] words = parts[i].trim().split("\\s+");
            List<String> w = new ArrayList<>(Arrays.asList(words));
            w.removeIf(x -> x.equals("memory") || x.equals("calldata") || x.equals("indexed"));
            if (w.isEmpty() || w.get(0).isEmpty() || w.size() > 2) return Parsed.error("Argument " + (i + 1) + " should be 'type name'.");
            String type = canonicalType(w.get(0));
            Integer bits = bitsOf(type);
            if (bits == null) return Parsed.error("Unknown type '" + w.get(0) + "' in argument " + (i + 1) + ".");
            types.add(type);
            boolean dynamic = type.equals("bytes") || type.equals("string") || type.endsWith("[]");
            args.add(new Arg(w.size() == 2 ? w.get(1) : "arg" + i, type, 32L * i, bits, !dynamic, Optional.empty()));
        }
        String canonical = name + "(" + String.join(",", types) + ")";
        byte[] hash = Hash.sha3(canonical.getBytes(StandardCharsets.US_ASCII));
        return Parsed.ok(new FunctionShape(name, Optional.of(canonical), Selector.of(Arrays.copyOf(hash, 4)), args));
    }

    private static String canonicalType(String type) {
        String t = type.toLowerCase(Locale.ROOT);
        if (t.equals("uint")) return "uint256";
        if (t.equals("int")) return "int256";
        return t;
    }

    /** Word width in bits for a rule comparison, 0 for dynamic types (not comparable), null when unknown. */
    private static Integer bitsOf(String type) {
        if (type.endsWith("[]") && bitsOf(type.substring(0, type.length() - 2)) != null) return 0;
        if (type.equals("address")) return 160;
        if (type.equals("bool")) return 1;
        if (type.equals("bytes") || type.equals("string")) return 0;
        if (type.matches("u?int(8|16|24|32|40|48|56|64|72|80|88|96|104|112|120|128|136|144|152|160|168|176|184|192|200|208|216|224|232|240|248|256)")) {
            return Integer.parseInt(type.replaceAll("u?int", ""));
        }
        if (type.matches("bytes([1-9]|[12][0-9]|3[0-2])")) return 256;
        return null;
    }
}
