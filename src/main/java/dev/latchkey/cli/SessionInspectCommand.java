package dev.latchkey.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.session.codec.Ids;
import dev.latchkey.session.codec.SessionAbi;
import dev.latchkey.session.codec.SmartSessionSignatures;
import dev.latchkey.session.hash.EnableFlags;
import dev.latchkey.session.hash.SessionDigests;
import dev.latchkey.session.json.OnchainSessionJson;
import dev.latchkey.session.json.SessionDocument;
import dev.latchkey.session.json.WalletSessionJson;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.ChainDigest;
import dev.latchkey.session.model.EnableSession;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.session.model.SmartSessionMode;
import dev.latchkey.session.model.UInt;
import dev.latchkey.session.wallet.SessionMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code latchkey session inspect}: ids, ABI, digests, enable hash and signatures of a session, as one JSON object. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Print permissionId, ABI encoding, per-chain digests, the enable hash (flags derived) and signatures.")
public final class SessionInspectCommand implements Callable<Integer> {

    enum Format { onchain, wallet }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--session", required = true, paramLabel = "FILE", description = "Session JSON file.")
    Path session;

    @Option(names = "--format", defaultValue = "wallet", paramLabel = "onchain|wallet",
            description = "onchain = the @rhinestone/module-sdk Session shape; wallet = docs/session-format.md (default).")
    Format format;

    @Option(names = "--account", required = true, paramLabel = "ADDR", description = "The smart account.")
    String account;

    @Option(names = "--chain", required = true, paramLabel = "ID:NONCE",
            description = "Chain id and SmartSession getNonce(permissionId, account) on it; repeat for multi-chain.")
    List<String> chains;

    @Option(names = "--enable-index", defaultValue = "0", paramLabel = "I", description = "chainDigestIndex (default 0).", converter = AsciiNumbers.Int.class)
    int enableIndex;

    @Option(names = "--mode", defaultValue = "enable", paramLabel = "enable|unsafe-enable", description = "Enable mode (default enable).")
    String mode;

    @Option(names = "--smart-session", defaultValue = "0x00000000008bDABA73cD9815d79069c247Eb4bDA", paramLabel = "ADDR",
            description = "SmartSession module address (default: canonical).")
    String smartSession;

    @Option(names = "--session-signature", paramLabel = "HEX", description = "Session validator signature over the userOpHash.")
    String sessionSignature;

    @Option(names = "--permission-enable-signature", paramLabel = "HEX",
            description = "EnableSession.permissionEnableSig, already in the account's ERC-1271 format (e.g. validator ‖ signature).")
    String permissionEnableSignature;

    @Override
    public Integer call() {
        try {
            spec.commandLine().getOut().println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(inspect()));
            spec.commandLine().getOut().flush();
            return 0;
        } catch (FieldException | IOException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return 1;
        }
    }

    ObjectNode inspect() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode json;
        try {
            json = mapper.readTree(Files.readString(session));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new FieldException("--session", "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new FieldException("--session", "cannot read " + session + ": " + e);
        }
        OnchainSession s;
        if (format == Format.onchain) {
            s = OnchainSessionJson.read(json);
        } else {
            SessionDocument doc = WalletSessionJson.read(json);
            s = SessionMapper.toOnchain(doc.session(), doc.policyAddresses());
        }
        SmartSessionMode m = switch (mode) {
            case "enable" -> SmartSessionMode.ENABLE;
            case "unsafe-enable" -> SmartSessionMode.UNSAFE_ENABLE;
            default -> throw new FieldException("--mode", "expected enable or unsafe-enable, got " + mode);
        };
        Address acc = Address.parse("--account", account);
        Address module = Address.parse("--smart-session", smartSession);
        List<ChainDigest> digests = new ArrayList<>();
        for (String c : chains) {
            String[] parts = c.split(":", -1);
            if (parts.length != 2) throw new FieldException("--chain", "expected ID:NONCE, got " + c);
            long id = UInt.parse("--chain", parts[0], 64).longValue();
            BigInteger nonce = UInt.parse("--chain", parts[1], 256);
            digests.add(new ChainDigest(id, SessionDigests.sessionDigest(s, acc, module, m, nonce)));
        }
        if (enableIndex < 0 || enableIndex >= digests.size()) throw new FieldException("--enable-index", "out of range: " + enableIndex);

        HexBytes pid = Ids.permissionId(s);
        EnableFlags flags = EnableFlags.derive(s, m);
        ObjectNode out = mapper.createObjectNode();
        out.put("permissionId", pid.hex());
        out.put("sessionAbiEncoded", SessionAbi.encode(s).hex());
        out.putObject("flags").put("permitGenericPolicy", flags.permitGenericPolicy()).put("permitAdminAccess", flags.permitAdminAccess())
                .put("ignoreSecurityAttestations", flags.ignoreSecurityAttestations());
        ArrayNode cd = out.putArray("chainDigests");
        digests.forEach(d -> cd.addObject().put("chainId", new BigInteger(Long.toUnsignedString(d.chainId()))).put("sessionDigest", d.sessionDigest().hex()));
        out.put("permissionEnableHash", SessionDigests.multichainDigest(digests).hex());
        if (sessionSignature != null) {
            HexBytes sig = HexBytes.parse("--session-signature", sessionSignature);
            out.put("useModeSignature", SmartSessionSignatures.use(pid, sig).hex());
            if (permissionEnableSignature != null) {
                EnableSession es = new EnableSession(enableIndex, digests, s, HexBytes.parse("--permission-enable-signature", permissionEnableSignature));
                out.put("enableModePayload", SessionAbi.encodeEnablePayload(es, sig).hex());
                out.put("enableModeSignature", SmartSessionSignatures.enable(m, es, sig).hex());
            }
        } else if (permissionEnableSignature != null) {
            throw new FieldException("--session-signature", "required with --permission-enable-signature");
        }
        return out;
    }
}
