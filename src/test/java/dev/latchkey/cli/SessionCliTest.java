package dev.latchkey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.aa.userop.UserOpHash;
import dev.latchkey.aa.userop.UserOpJson;
import dev.latchkey.session.SessionGenerator;
import dev.latchkey.session.codec.Ids;
import dev.latchkey.session.codec.SessionAbi;
import dev.latchkey.session.codec.SmartSessionSignatures;
import dev.latchkey.session.hash.SessionDigests;
import dev.latchkey.session.json.OnchainSessionJson;
import dev.latchkey.session.json.SessionDocument;
import dev.latchkey.session.json.WalletSessionJson;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.ChainDigest;
import dev.latchkey.session.model.EnableSession;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.session.model.SmartSessionMode;
import dev.latchkey.session.wallet.SessionMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SessionCliTest {

    private record Run(int exit, String out, String err) { }

    private final ObjectMapper mapper = new ObjectMapper();
    @TempDir
    Path dir;

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = LatchkeyCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    @Test
    void inspectPrintsTheLibraryValuesInBothFormats() throws Exception {
        SessionGenerator.Case c = new SessionGenerator(7).next(3);
        OnchainSession s = SessionMapper.toOnchain(c.session(), c.addresses());
        Path wallet = dir.resolve("wallet.json");
        Path onchain = dir.resolve("onchain.json");
        Files.writeString(wallet, WalletSessionJson.write(new SessionDocument(c.session(), c.addresses())).toString());
        Files.writeString(onchain, OnchainSessionJson.write(s).toString());
        HexBytes sessionSig = HexBytes.of(new byte[65]);
        HexBytes enableSig = HexBytes.parse("x", "0x" + "00".repeat(20) + "ab".repeat(65));
        Address account = c.account();
        List<ChainDigest> digests = List.of(
                new ChainDigest(8453, SessionDigests.sessionDigest(s, account, new Address("0x00000000008bdaba73cd9815d79069c247eb4bda"), SmartSessionMode.UNSAFE_ENABLE, BigInteger.TWO)),
                new ChainDigest(10, SessionDigests.sessionDigest(s, account, new Address("0x00000000008bdaba73cd9815d79069c247eb4bda"), SmartSessionMode.UNSAFE_ENABLE, BigInteger.ZERO)));
        EnableSession es = new EnableSession(1, digests, s, enableSig);
        for (Path file : List.of(wallet, onchain)) {
            Run r = run("session", "inspect", "--session", file.toString(), "--format", file == wallet ? "wallet" : "onchain",
                    "--account", account.hex(), "--chain", "8453:2", "--chain", "10:0", "--enable-index", "1", "--mode", "unsafe-enable",
                    "--session-signature", sessionSig.hex(), "--permission-enable-signature", enableSig.hex());
            assertThat(r.exit()).as(r.err()).isZero();
            JsonNode j = mapper.readTree(r.out());
            assertThat(j.get("permissionId").asText()).isEqualTo(Ids.permissionId(s).hex());
            assertThat(j.get("sessionAbiEncoded").asText()).isEqualTo(SessionAbi.encode(s).hex());
            assertThat(j.get("flags").get("ignoreSecurityAttestations").asBoolean()).isTrue();
            assertThat(j.get("flags").get("permitGenericPolicy").asBoolean()).isEqualTo(s.permitsGenericPolicy());
            assertThat(j.get("chainDigests").get(0).get("chainId").asLong()).isEqualTo(8453);
            assertThat(j.get("chainDigests").get(1).get("sessionDigest").asText()).isEqualTo(digests.get(1).sessionDigest().hex());
            assertThat(j.get("permissionEnableHash").asText()).isEqualTo(SessionDigests.multichainDigest(digests).hex());
            assertThat(j.get("useModeSignature").asText()).isEqualTo(SmartSessionSignatures.use(Ids.permissionId(s), sessionSig).hex());
            assertThat(j.get("enableModePayload").asText()).isEqualTo(SessionAbi.encodeEnablePayload(es, sessionSig).hex());
            assertThat(j.get("enableModeSignature").asText())
                    .isEqualTo(SmartSessionSignatures.enable(SmartSessionMode.UNSAFE_ENABLE, es, sessionSig).hex());
        }
    }

    @Test
    void useropHashPrintsTheV07Hash() throws Exception {
        SessionGenerator.Case c = new SessionGenerator(9).next(0);
        Path f = dir.resolve("op.json");
        Files.writeString(f, UserOpJson.write(c.userOp(), mapper).toString());
        Run r = run("userop", "hash", "--file", f.toString(), "--entry-point", "0x0000000071727De22E5E9d8BAf0edAc6f37da032", "--chain-id", "8453");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(mapper.readTree(r.out()).get("userOpHash").asText())
                .isEqualTo(UserOpHash.hash(c.userOp(), UserOpHash.ENTRY_POINT_V07, BigInteger.valueOf(8453)).hex());
    }

    @Test
    void badInputNamesTheFieldAndPrintsNothingOnStdout() throws Exception {
        String base = "{\"owners\":{\"type\":\"ecdsa\",\"accounts\":[\"0x70997970c51812dc3a010c7d01b50e0d17dc79c8\"]},%s}";
        record Bad(String body, String field) { }
        List<Bad> bads = List.of(
                new Bad("\"actions\":[{\"target\":\"0x1234\",\"selector\":\"0xa9059cbb\"}]", "actions[0].target"),
                new Bad("\"actions\":[{\"target\":\"0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48\",\"selector\":\"0xa9059c\"}]", "actions[0].selector"),
                new Bad("\"salt\":\"0xzz\"", "salt"),
                new Bad("\"policies\":[{\"type\":\"usage-limit\",\"limit\":\"340282366920938463463374607431768211456\"}]", "policies[0].limit"),
                new Bad("\"policies\":[{\"type\":\"time-frame\",\"validUntil\":281474976710656}]", "policies[0].validUntil"),
                new Bad("\"policies\":[{\"type\":\"no-such-policy\"}]", "policies[0].type"),
                new Bad("\"policies\":[{\"type\":\"spending-limits\",\"limits\":[{\"token\":\"0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48\",\"amount\":\"-1\"}]}]",
                        "policies[0].limits[0].amount"),
                new Bad("\"policies\":[{\"type\":\"rate-limit\",\"maxUses\":4294967296,\"interval\":\"PT1H\"}]", "policies[0].maxUses"),
                new Bad("\"policies\":[{\"type\":\"periodic-spending-limit\",\"limits\":[],\"period\":\"P1X\"}]", "policies[0].period"),
                new Bad("\"owners2\":1", "owners2"));
        for (Bad b : bads) {
            Path f = dir.resolve("bad.json");
            Files.writeString(f, String.format(base, b.body()));
            Run r = run("session", "inspect", "--session", f.toString(), "--account", "0x1111111111111111111111111111111111111111", "--chain", "1:0");
            assertThat(r.exit()).as(b.body()).isEqualTo(1);
            assertThat(r.err()).as(b.body()).startsWith("error: " + b.field() + ":");
            assertThat(r.out()).isEmpty();
        }
        Path f = dir.resolve("malformed.json");
        Files.writeString(f, "{\"owners\":");
        assertThat(run("session", "inspect", "--session", f.toString(), "--account", "0x1111111111111111111111111111111111111111", "--chain", "1:0").err())
                .startsWith("error: --session: malformed JSON");
        Files.writeString(f, String.format(base, "\"salt\":\"0x" + "00".repeat(32) + "\""));
        assertThat(run("session", "inspect", "--session", f.toString(), "--account", "0x1111111111111111111111111111111111111111", "--chain", "1").err())
                .startsWith("error: --chain:");
        assertThat(run("session", "inspect", "--session", f.toString(), "--account", "0x70997970C51812dc3A010C7d01b50e0d17dc79C9", "--chain", "1:0").err())
                .startsWith("error: --account: bad EIP-55 checksum");
    }
}
