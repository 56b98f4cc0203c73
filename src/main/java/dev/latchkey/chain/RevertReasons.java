package dev.latchkey.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.web3j.crypto.Hash;

/**
 * Revert data in words: {@code Error(string)} ("0x08c379a0…" → its text; Aave V3's numeric codes by name and words,
 * "Aave: User cannot withdraw more than the available balance (NOT_ENOUGH_AVAILABLE_USER_BALANCE, 32)"),
 * {@code Panic(uint256)}, and every custom error of the contracts we build (SmartSession, our policies, the account),
 * read from their packaged ABIs. {@link #humanize} rewrites each revert blob inside a message (a bundler's or node's
 * text) and leaves the rest as it is; data it does not know stays hex, cut short.
 */
public final class RevertReasons {

    private static final String ERROR_STRING = "08c379a0";
    private static final String PANIC = "4e487b71";
    private static final Pattern BLOB = Pattern.compile("0x([0-9a-fA-F]{8})([0-9a-fA-F]*)");

    private record CustomError(String name, List<String> types) { }

    private final Map<String, String[]> aave;
    private final Map<String, CustomError> custom;

    private RevertReasons(Map<String, String[]> aave, Map<String, CustomError> custom) {
        this.aave = aave;
        this.custom = custom;
    }

    /** Aave's table and the custom errors of every packaged contract ABI. */
    public static RevertReasons load(ContractArtifacts artifacts) {
        Map<String, CustomError> custom = new HashMap<>();
        ObjectMapper mapper = new ObjectMapper();
        for (String name : artifacts.names()) {
            try {
                for (JsonNode e : mapper.readTree(artifacts.get(name).abiJson())) {
                    if (!"error".equals(e.path("type").asText())) continue;
                    List<String> types = new ArrayList<>();
                    e.path("inputs").forEach(i -> types.add(i.path("type").asText()));
                    String signature = e.path("name").asText() + "(" + String.join(",", types) + ")";
                    String selector = Hash.sha3String(signature).substring(2, 10);
                    custom.putIfAbsent(selector, new CustomError(e.path("name").asText(), types));
                }
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot read the ABI of " + name, ex);
            }
        }
        return new RevertReasons(aaveTable(), Map.copyOf(custom));
    }

    /** The words for one revert blob (0x + selector + arguments), or empty when it is no error we know. */
    public Optional<String> describe(String hex) {
        Matcher m = BLOB.matcher(hex == null ? "" : hex.trim());
        if (!m.matches()) return Optional.empty();
        String selector = m.group(1).toLowerCase(Locale.ROOT);
        String args = m.group(2).toLowerCase(Locale.ROOT);
        try {
            if (selector.equals(ERROR_STRING)) return Optional.of(errorString(args));
            if (selector.equals(PANIC) && args.length() >= 64) return Optional.of("Panic(0x" + new BigInteger(args.substring(0, 64), 16).toString(16) + ")");
            CustomError e = custom.get(selector);
            if (e == null) return Optional.empty();
            List<String> values = new ArrayList<>();
            for (int i = 0; i < e.types().size(); i++) {
                if (args.length() < (i + 1) * 64) return Optional.of(e.name());
                values.add(value(e.types().get(i), args.substring(i * 64, (i + 1) * 64)));
            }
            return Optional.of(e.name() + "(" + String.join(", ", values) + ")");
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    /** {@code text} with every revert blob it contains in words. */
    public String humanize(String text) {
        if (text == null) return "";
        Matcher m = BLOB.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Optional<String> words = describe(m.group());
            String replacement = words.orElse(m.group().length() > 74 ? m.group().substring(0, 74) + "…" : m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String errorString(String args) {
        int offset = new BigInteger(args.substring(0, 64), 16).intValueExact() * 2;
        int length = new BigInteger(args.substring(offset, offset + 64), 16).intValueExact();
        if (length > 1024) throw new IllegalArgumentException("reason too long");
        String reason = new String(hexBytes(args.substring(offset + 64, offset + 64 + length * 2)), StandardCharsets.UTF_8);
        String[] a = aave.get(reason);
        return a == null ? "reverted: " + reason : "Aave: " + a[1] + " (" + a[0] + ", error " + reason + ")";
    }

    private static String value(String type, String word) {
        BigInteger v = new BigInteger(word, 16);
        if (type.equals("address")) return String.format("0x%040x", v);
        if (type.startsWith("uint")) return v.toString();
        if (type.equals("bool")) return String.valueOf(v.signum() != 0);
        return "0x" + word;
    }

    private static byte[] hexBytes(String s) {
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        return out;
    }

    private static Map<String, String[]> aaveTable() {
        Map<String, String[]> out = new HashMap<>();
        try (InputStream in = RevertReasons.class.getResourceAsStream("aave-v3-errors.tsv")) {
            if (in == null) throw new IllegalStateException("aave-v3-errors.tsv is missing from the build");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t", 3);
                out.put(f[0], new String[] {f[1], f[2]});
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read aave-v3-errors.tsv", e);
        }
        return Map.copyOf(out);
    }
}
