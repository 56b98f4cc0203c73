package dev.latchkey.trade.catalog;

import dev.latchkey.session.codec.AbiWords;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.Selector;
import dev.latchkey.session.model.UInt;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Strict decoder of catalog calldata: accepts only the canonical encoding (exact length, clean padding, values in
 * range, canonical offsets), so what is shown is what the contract will read. Errors are {@link FieldException}s
 * naming the argument.
 */
public final class CalldataDecoder {

    private final TradeNetwork network;

    public CalldataDecoder(TradeNetwork network) {
        this.network = network;
    }

    public DecodedCall decode(Address target, HexBytes callData, Address account) {
        byte[] d = callData.unsafeBytes();
        if (d.length < 4) throw new FieldException("callData", "shorter than a selector");
        Selector sel = Selector.ofCallData(d);
        CatalogFunction fn = Catalog.bySelector(sel).orElseThrow(() -> new FieldException("callData.selector", "not in the catalog: " + sel));
        byte[] args = Arrays.copyOfRange(d, 4, d.length);
        List<DecodedCall.Arg> out = new ArrayList<>();
        if (fn.isStatic()) {
            if (d.length != fn.staticCallDataLength()) {
                throw new FieldException("callData", fn.signature() + " takes " + fn.staticCallDataLength() + " bytes, got " + d.length);
            }
        } else {
            requireCanonicalExactInput(fn, args);
        }
        for (CatalogField f : fn.fields()) out.add(arg(fn, f, args, target, account));
        return new DecodedCall(fn, target, network.label(target), fn.contract().isAt(target, network), out);
    }

    private DecodedCall.Arg arg(CatalogFunction fn, CatalogField f, byte[] args, Address target, Address account) {
        if (f.type().equals("bytes")) {
            byte[] path = bytesAt(f.name(), args, f.offset());
            String hex = "0x" + HexFormat.of().formatHex(path);
            return new DecodedCall.Arg(f.name(), f.type(), hex, fn.name().startsWith("exact") ? renderPath(path) : hex);
        }
        BigInteger v = AbiWords.word(f.name(), args, f.offset());
        if (v.bitLength() > f.bits()) throw new FieldException(f.name(), "value exceeds " + f.type() + ": " + v);
        if (f.type().equals("address")) {
            Address a = Address.of(UInt.toBytes(v, 20));
            return new DecodedCall.Arg(f.name(), f.type(), a.hex(), addressLabel(a, account));
        }
        String display = v.toString();
        if (f.name().equals("fee")) display = v + " (" + new BigDecimal(v, 4).stripTrailingZeros().toPlainString() + "%)";
        Optional<Token> unit = f.unitOf().flatMap(u -> unitToken(fn, u, args, target));
        if (unit.isPresent()) display = v + " (" + Amounts.format(v, unit.get()) + ")";
        return new DecodedCall.Arg(f.name(), f.type(), v.toString(), display);
    }

    private Optional<Token> unitToken(CatalogFunction fn, String unitOf, byte[] args, Address target) {
        if (unitOf.equals("target")) return network.tokenAt(target);
        BigInteger w = AbiWords.word(unitOf, args, fn.field(unitOf).offset());
        return w.bitLength() > 160 ? Optional.empty() : network.tokenAt(Address.of(UInt.toBytes(w, 20)));
    }

    private String addressLabel(Address a, Address account) {
        if (a.equals(account)) return a.checksummed() + " (this account)";
        return a.checksummed() + network.label(a).map(l -> " (" + l + ")").orElse("");
    }

    /** exactInput((bytes,address,uint256,uint256)): tuple at 0x20, path at tuple+0x80, nothing after the padded path. */
    private static void requireCanonicalExactInput(CatalogFunction fn, byte[] args) {
        if (AbiWords.word("params.offset", args, 0).compareTo(BigInteger.valueOf(32)) != 0) {
            throw new FieldException("params.offset", fn.name() + ": non-canonical tuple offset");
        }
        if (AbiWords.word("path.offset", args, 32).compareTo(BigInteger.valueOf(128)) != 0) {
            throw new FieldException("path.offset", fn.name() + ": non-canonical path offset");
        }
        int len = AbiWords.smallWord("path.length", args, 160);
        long end = 192L + len + (32 - len % 32) % 32;
        if (end != args.length) throw new FieldException("callData", fn.name() + ": length does not match the path");
        for (long i = 192L + len; i < end; i++) {
            if (args[(int) i] != 0) throw new FieldException("path.padding", "non-zero padding");
        }
    }

    private static byte[] bytesAt(String field, byte[] args, long offsetWordAt) {
        long base = 32;    // the bytes live in the tuple, whose offset word is checked to be 0x20
        int rel = AbiWords.smallWord(field + ".offset", args, offsetWordAt);
        int len = AbiWords.smallWord(field + ".length", args, base + rel);
        long from = base + rel + 32;
        if (from + len > args.length) throw new FieldException(field, "runs past the end");
        return Arrays.copyOfRange(args, (int) from, (int) from + len);
    }

    /** A V3 path: token (20) ‖ fee (3) ‖ token (20) …, rendered "USDC -0.05%→ WETH". */
    private String renderPath(byte[] p) {
        if (p.length < 43 || (p.length - 20) % 23 != 0) throw new FieldException("path", "not a V3 path of token/fee hops: " + p.length + " bytes");
        StringBuilder s = new StringBuilder(tokenName(Arrays.copyOfRange(p, 0, 20)));
        for (int i = 20; i < p.length; i += 23) {
            int fee = ((p[i] & 0xff) << 16) | ((p[i + 1] & 0xff) << 8) | (p[i + 2] & 0xff);
            s.append(" -").append(new BigDecimal(BigInteger.valueOf(fee), 4).stripTrailingZeros().toPlainString()).append("%→ ")
                    .append(tokenName(Arrays.copyOfRange(p, i + 3, i + 23)));
        }
        return s.toString();
    }

    private String tokenName(byte[] twenty) {
        Address a = Address.of(twenty);
        return network.tokenAt(a).map(Token::symbol).orElse(a.checksummed());
    }
}
