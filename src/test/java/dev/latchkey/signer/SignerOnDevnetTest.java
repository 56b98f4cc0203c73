package dev.latchkey.signer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.aa.execution.Erc7579Execute;
import dev.latchkey.aa.execution.Execution;
import dev.latchkey.aa.nonce.NonceKeys;
import dev.latchkey.aa.submit.BundlerSubmitter;
import dev.latchkey.aa.userop.UserOpHash;
import dev.latchkey.aa.userop.UserOperation;
import dev.latchkey.chain.Abi;
import dev.latchkey.chain.EvmClient;
import dev.latchkey.chain.JsonRpcClient;
import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.DevnetExtension;
import dev.latchkey.devnet.Funding;
import dev.latchkey.devnet.Manifest;
import dev.latchkey.keystore.JournalState;
import dev.latchkey.keystore.KdfParams;
import dev.latchkey.keystore.KdfPolicy;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.keystore.SessionSigner;
import dev.latchkey.keystore.SessionStatus;
import dev.latchkey.keystore.Sessions;
import dev.latchkey.session.codec.Ids;
import dev.latchkey.session.codec.SessionAbi;
import dev.latchkey.session.engine.SoftLimits;
import dev.latchkey.session.model.AccountKind;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.session.policy.ParamCondition;
import dev.latchkey.session.policy.ParamRule;
import dev.latchkey.session.policy.Policy;
import dev.latchkey.session.policy.PolicyAddresses;
import dev.latchkey.session.policy.PolicyKind;
import dev.latchkey.session.wallet.Action;
import dev.latchkey.session.wallet.Owners;
import dev.latchkey.session.wallet.SessionMapper;
import dev.latchkey.session.wallet.WalletSession;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint192;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * End to end on the devnet through Alto: the owner signs once (the account's deployment, which installs SmartSession
 * with the session enabled), then the background signer signs a session operation with the vault's session key,
 * reserves, submits through the real bundler and follows it to inclusion.
 */
@ExtendWith(DevnetExtension.class)
class SignerOnDevnetTest {

    @TempDir Path dir;

    /** An account deployed by the one owner signature with the session enabled, and the wallet's records of it. */
    record Ctx(Manifest m, EvmClient client, long chainId, Address account, Address bob, Address usdc, Address entryPoint,
               HexBytes pid, OnchainSession onchain, PolicyAddresses policies, ChainView chain, OperationBuilder builder) {

        SignerService signer(Keystore keystore, OperationSink sink) {
            SignerConfig config = new SignerConfig(policies, SoftLimits.NONE, 4, 30, Duration.ofSeconds(2), Duration.ofMillis(200), 300);
            return new SignerService(keystore, r -> Optional.of(onchain), new dev.latchkey.signer.onchain.ChainPolicyStates(client, chainId), builder,
                    chain, sink, config);
        }

        SignerIntent pay(long amount) {
            byte[] id = new byte[16];
            new SecureRandom().nextBytes(id);
            return SignerIntent.of(id, account, chainId, List.of(new Execution(usdc, BigInteger.ZERO, SignerFixture.transfer(bob, amount))));
        }

        BigInteger bobBalance() {
            return Abi.word(client.call(usdc.hex(), Abi.call("balanceOf(address)", new org.web3j.abi.datatypes.Address(bob.hex()))), 0);
        }
    }

    static Keystore keystore(Path dir) throws Exception {
        KdfParams cheap = new KdfParams(8 * 1024, 1, 1);
        return Keystore.create(dir.resolve("wallet.db"), "pw".toCharArray(), cheap, new KdfPolicy(cheap, cheap, KdfParams.CEILING),
                Clock.systemUTC());
    }

    static Ctx enabledSession(Devnet devnet, Keystore keystore, BundlerSubmitter bundler) throws Exception {
        Manifest m = devnet.manifest();
        EvmClient client = devnet.client();
        long chainId = m.chainId();
        Address usdc = addr(m, "USDC");
        Address smartSession = addr(m, "SmartSession");
        Address entryPoint = addr(m, "EntryPoint");
        Address bob = new Address("0x" + Keys.getAddress(Keys.createEcKeyPair()));
        PolicyAddresses policies = PolicyAddresses.canonical()
                .with(PolicyKind.SUDO, addr(m, "SudoPolicy")).with(PolicyKind.UNIVERSAL_ACTION, addr(m, "UniActionPolicy"))
                .with(PolicyKind.SPENDING_LIMITS, addr(m, "ERC20SpendingLimitPolicy")).with(PolicyKind.TIME_FRAME, addr(m, "TimeFramePolicy"))
                .with(PolicyKind.USAGE_LIMIT, addr(m, "UsageLimitPolicy")).with(PolicyKind.VALUE_LIMIT, addr(m, "ValueLimitPolicy"))
                .with(PolicyKind.PERIODIC_SPENDING_LIMIT, addr(m, "PeriodicSpendingLimitPolicy"))
                .with(PolicyKind.RATE_LIMIT, addr(m, "RateLimitPolicy")).with(PolicyKind.GAS_COST_LIMIT, addr(m, "GasCostLimitPolicy"));
        SessionSigner sessionKey = keystore.keys().createSessionKey("devnet session");
        long now = chainTime(client);
        // validAfter 0, not "now": other suites on the shared devnet move chain time ahead of the wall clock, and
        // Alto judges validAfter against its own clock ("not valid yet"), while the chain judges it by block time.
        long validAfter = 0;
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        Policy toBob = new Policy.UniversalAction(BigInteger.ZERO, List.of(new ParamRule(ParamCondition.EQUAL, BigInteger.ZERO,
                new BigInteger(1, bob.bytes()), Optional.empty())));
        Action transfer = new Action(usdc, new dev.latchkey.session.model.Selector("0xa9059cbb"), List.of(toBob,
                new Policy.SpendingLimits(List.of(new Policy.TokenLimit(usdc, BigInteger.valueOf(50_000_000L)))),
                new Policy.UsageLimit(BigInteger.TEN)));
        WalletSession ws = new WalletSession(new Owners.Ecdsa(List.of(new Address(sessionKey.address().toLowerCase())), 1,
                addr(m, "OwnableValidator")), List.of(transfer), List.of(new Policy.TimeFrame(now + 86_400, validAfter)),
                HexBytes.of(salt), List.of(chainId), Optional.empty(), true);
        OnchainSession onchain = SessionMapper.toOnchain(ws, policies);
        HexBytes pid = Ids.permissionId(onchain);

        // The one owner signature: deploy the account with SmartSession installed and the session enabled.
        ECKeyPair owner = Keys.createEcKeyPair();
        byte[] ownerInit = Numeric.hexStringToByteArray(Abi.encodeArgs(new Uint256(1), new DynamicArray<>(
                org.web3j.abi.datatypes.Address.class, List.of(new org.web3j.abi.datatypes.Address("0x" + Keys.getAddress(owner))))));
        byte[] ssInit = HexBytes.of(new byte[] {1}).concat(SessionAbi.encodeParameters(List.of(
                new DynamicArray<>(DynamicStruct.class, List.of(SessionAbi.session(onchain)))))).bytes();
        byte[] accountSalt = new byte[32];
        new SecureRandom().nextBytes(accountSalt);
        String account = Abi.address(client.call(m.address("LatchkeyAccountFactory"), Abi.call("getAddress(bytes32,bytes,bytes)",
                new Bytes32(accountSalt), new DynamicBytes(ownerInit), new DynamicBytes(ssInit))), 0);
        Address accountAddr = new Address(account.toLowerCase());
        devnet.faucet().fund(new Funding(account, BigDecimal.ONE, BigDecimal.valueOf(100), null, null));
        BigInteger ownerKey = NonceKeys.keyFor(AccountKind.LATCHKEY, addr(m, "OwnableValidator"));
        UserOperation deploy = UserOperation.of(accountAddr, NonceKeys.nonce(ownerKey, BigInteger.ZERO),
                        Erc7579Execute.encode(List.of(new Execution(usdc, BigInteger.ZERO, SignerFixture.transfer(bob, 1)))))
                .withFactory(addr(m, "LatchkeyAccountFactory"), HexBytes.parse("init", Abi.call("createAccount(bytes32,bytes,bytes)",
                        new Bytes32(accountSalt), new DynamicBytes(ownerInit), new DynamicBytes(ssInit))))
                .withGas(BigInteger.valueOf(200_000), BigInteger.valueOf(3_000_000), BigInteger.valueOf(100_000),
                        maxFee(client), BigInteger.TEN.pow(9));
        HexBytes deployHash = UserOpHash.hash(deploy, entryPoint, BigInteger.valueOf(chainId));
        Sign.SignatureData s = Sign.signPrefixedMessage(deployHash.bytes(), owner);
        HexBytes ownerSig = HexBytes.of(s.getR()).concat(HexBytes.of(s.getS())).concat(HexBytes.of(s.getV()));
        assertThat(bundler.awaitReceipt(bundler.submit(deploy.withSignature(ownerSig)), Duration.ofSeconds(60)).success()).isTrue();
        assertThat(Abi.word(client.call(smartSession.hex(), Abi.call("isPermissionEnabled(bytes32,address)",
                new Bytes32(pid.bytes()), new org.web3j.abi.datatypes.Address(account))), 0)).isEqualTo(BigInteger.ONE);

        keystore.sessions().addAccount(new Sessions.Account(account, "0x" + Keys.getAddress(owner), "devnet"));
        keystore.sessions().add(new SessionRecord(pid.bytes(), account, sessionKey.address(), salt,
                SessionAbi.encode(onchain).bytes(), new byte[32], validAfter, now + 86_400, SessionStatus.ENABLED, new byte[24],
                List.of(new SessionRecord.Chain(chainId, smartSession.hex(), 0))));
        keystore.sessions().setBudget(pid.bytes(), usdc.hex(), BigInteger.valueOf(50_000_000L), 10);
        ChainView chain = new ChainView() {
            @Override public long chainId() { return chainId; }
            @Override public long chainTime() { return SignerOnDevnetTest.chainTime(client); }
            @Override public BigInteger baseFee() { return client.baseFee(); }
            @Override public long nextSequence(Address sender, BigInteger key) {
                return Abi.word(client.call(entryPoint.hex(), Abi.call("getNonce(address,uint192)",
                        new org.web3j.abi.datatypes.Address(sender.hex()), new Uint192(key))), 0)
                        .and(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)).longValueExact();
            }
            @Override public Permission permission(Address smartSession, HexBytes pid, Address account) {
                throw new UnsupportedOperationException("the session is enabled at deployment");
            }
        };
        OperationBuilder builder = (session, chainIdArg, nonce, callData) -> UserOperation.of(
                new Address(session.account().toLowerCase()), nonce, callData).withGas(BigInteger.valueOf(300_000),
                BigInteger.valueOf(1_500_000), BigInteger.valueOf(100_000), maxFee(client), BigInteger.TEN.pow(9));
        return new Ctx(m, client, chainId, accountAddr, bob, usdc, entryPoint, pid, onchain, policies, chain, builder);
    }

    @Test
    void signerSignsAndSubmitsASessionOperationThroughTheBundler(Devnet devnet) throws Exception {
        try (Keystore keystore = keystore(dir); JsonRpcClient bundlerRpc = new JsonRpcClient(devnet.manifest().bundlerUrl())) {
            BundlerSubmitter bundler = new BundlerSubmitter(bundlerRpc, addr(devnet.manifest(), "EntryPoint"));
            Ctx c = enabledSession(devnet, keystore, bundler);
            SignerIntent intent = c.pay(5_000_000L);
            try (SignerService signer = c.signer(keystore, new SubmitterSink(bundler))) {
                signer.start();
                Outcome o = signer.submit(intent).get(120, TimeUnit.SECONDS);
                assertThat(o).isInstanceOf(Outcome.Included.class);
                assertThat(((Outcome.Included) o).success()).isTrue();
            }
            assertThat(keystore.journal().get(intent.id()).state()).isEqualTo(JournalState.FINAL);
            assertThat(c.bobBalance()).isEqualTo(BigInteger.valueOf(5_000_001L));
            assertThat(keystore.sessions().budget(c.pid().bytes()).get(0).spentFinal()).isEqualTo(BigInteger.valueOf(5_000_000L));
            assertThat(keystore.activity().recent(10).stream().map(e -> e.kind().code()).toList()).contains("signer.approved", "signer.included");
        }
    }

    @Test
    void bundlerStoppedMidRunThenBack_operationsWaitAndLandOnceEach(Devnet devnet) throws Exception {
        try (Keystore keystore = keystore(dir); JsonRpcClient direct = new JsonRpcClient(devnet.manifest().bundlerUrl());
             BundlerProxy proxy = new BundlerProxy(java.net.URI.create(devnet.manifest().bundlerUrl()));
             JsonRpcClient viaProxy = new JsonRpcClient(proxy.uri(), Duration.ofSeconds(5))) {
            Address entryPoint = addr(devnet.manifest(), "EntryPoint");
            Ctx c = enabledSession(devnet, keystore, new BundlerSubmitter(direct, entryPoint));
            try (SignerService signer = c.signer(keystore, new SubmitterSink(new BundlerSubmitter(viaProxy, entryPoint)))) {
                signer.start();
                assertThat(signer.submit(c.pay(1_000_000L)).get(60, TimeUnit.SECONDS)).isInstanceOf(Outcome.Included.class);
                proxy.stop();
                List<java.util.concurrent.CompletableFuture<Outcome>> waiting = List.of(c.pay(2_000_000L), c.pay(3_000_000L), c.pay(4_000_000L))
                        .stream().map(signer::submit).toList();
                Thread.sleep(2_000);
                assertThat(waiting).noneMatch(java.util.concurrent.CompletableFuture::isDone);
                assertThat(signer.state().degraded()).isTrue();
                proxy.start();
                List<Outcome> outcomes = waiting.stream().map(f -> f.orTimeout(120, TimeUnit.SECONDS).join()).toList();
                assertThat(outcomes).as(() -> activity(keystore)).allMatch(o -> o instanceof Outcome.Included i && i.success());
                assertThat(outcomes.stream().map(o -> ((Outcome.Included) o).nonceSeq())).containsExactly(1L, 2L, 3L);
            }
            assertThat(c.bobBalance()).isEqualTo(BigInteger.valueOf(1 + 10_000_000L));
            BigInteger key = NonceLane.of(keystore.sessions().get(c.pid().bytes()), addr(devnet.manifest(), "SmartSession")).key();
            assertThat(c.chain().nextSequence(c.account(), key)).as("four ops on the lane, none duplicated").isEqualTo(4);
            assertThat(keystore.journal().open()).isEmpty();
            assertThat(keystore.sessions().budget(c.pid().bytes()).get(0).spentFinal()).isEqualTo(BigInteger.valueOf(10_000_000L));
        }
    }

    /**
     * The crash the automation SIGKILL test found: the process sent an operation and died before committing SUBMITTED.
     * On restart the resend of the same bytes reaches a bundler (real Alto, bundling held) that still holds them and
     * answers "Already known": the row must be followed to inclusion, not failed and released.
     */
    @Test
    void resendOfAnOperationTheBundlerStillHoldsEndsFinalNotFailed(Devnet devnet) throws Exception {
        try (Keystore keystore = keystore(dir); JsonRpcClient bundlerRpc = new JsonRpcClient(devnet.manifest().bundlerUrl())) {
            BundlerSubmitter bundler = new BundlerSubmitter(bundlerRpc, addr(devnet.manifest(), "EntryPoint"));
            Ctx c = enabledSession(devnet, keystore, bundler);
            SessionRecord session = keystore.sessions().get(c.pid().bytes());
            NonceLane lane = NonceLane.of(session, addr(devnet.manifest(), "SmartSession"));
            byte[] id = c.pay(0).id();
            HexBytes callData = Erc7579Execute.encode(List.of(new Execution(c.usdc(), BigInteger.ZERO, SignerFixture.transfer(c.bob(), 3_000_000L))));
            UserOperation unsigned = c.builder().build(session, c.chainId(), lane.nonce(0), callData);
            HexBytes hash = UserOpHash.hash(unsigned, c.entryPoint(), BigInteger.valueOf(c.chainId()));
            // what the killed process had committed: the reservation with its operation, then SIGNED
            keystore.journal().reserve(new dev.latchkey.keystore.SignerJournal.Intent(id, c.pid().bytes(), c.chainId(), c.account().hex(),
                    lane.key24(), 0, callData.bytes(), java.util.Map.of(c.usdc().hex(), BigInteger.valueOf(3_000_000L))),
                    new OperationStore(keystore.settings(), keystore.journal()).encode(unsigned, false), null, null);
            keystore.journal().markSigned(id, hash.bytes());
            HexBytes sig = keystore.keys().sessionSigner(session.sessionKeyAddress())
                    .signUserOp(unsigned, c.entryPoint(), BigInteger.valueOf(c.chainId())).signature();
            bundlerRpc.call("debug_bundler_setBundlingMode", "manual");
            try {
                assertThat(bundler.submit(unsigned.withSignature(new SigningMode.Use().signature(c.pid(), sig)))).isEqualTo(hash); // its send
                try (SignerService signer = c.signer(keystore, new SubmitterSink(bundler))) {
                    List<java.util.concurrent.CompletableFuture<Outcome>> resumed = signer.start();
                    assertThat(resumed).hasSize(1);
                    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                    while (keystore.journal().get(id).state() == JournalState.SIGNED && System.nanoTime() < until) Thread.sleep(50);
                    assertThat(keystore.journal().get(id).state()).as(() -> activity(keystore)).isEqualTo(JournalState.SUBMITTED);
                    bundlerRpc.call("debug_bundler_sendBundleNow");
                    assertThat(resumed.get(0).get(60, TimeUnit.SECONDS)).isInstanceOf(Outcome.Included.class);
                }
            } finally {
                bundlerRpc.call("debug_bundler_setBundlingMode", "auto");
            }
            assertThat(keystore.journal().get(id).state()).isEqualTo(JournalState.FINAL);
            assertThat(c.bobBalance()).as("sent twice, landed once").isEqualTo(BigInteger.valueOf(3_000_001L));
            assertThat(keystore.sessions().budget(c.pid().bytes()).get(0).spentFinal()).isEqualTo(BigInteger.valueOf(3_000_000L));
            assertThat(activity(keystore)).contains("signer.resent");
        }
    }

    static String activity(Keystore keystore) {
        try {
            return keystore.activity().recent(30).stream().map(e -> e.kind() + " " + e.detail()).collect(java.util.stream.Collectors.joining("\n"));
        } catch (dev.latchkey.keystore.KeystoreException e) {
            return e.toString();
        }
    }

    static long chainTime(EvmClient client) {
        JsonNode block = client.rpc().call("eth_getBlockByNumber", "latest", false);
        return Numeric.toBigInt(block.path("timestamp").asText()).longValueExact();
    }

    static BigInteger maxFee(EvmClient client) {
        return client.baseFee().multiply(BigInteger.TWO).add(BigInteger.TEN.pow(9));
    }

    static Address addr(Manifest m, String name) {
        return new Address(m.address(name).toLowerCase());
    }

}
