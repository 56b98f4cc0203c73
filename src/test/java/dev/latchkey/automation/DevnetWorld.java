package dev.latchkey.automation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.aa.execution.Erc7579Execute;
import dev.latchkey.aa.execution.Execution;
import dev.latchkey.aa.nonce.NonceKeys;
import dev.latchkey.aa.submit.BundlerSubmitter;
import dev.latchkey.aa.userop.UserOpHash;
import dev.latchkey.aa.userop.UserOperation;
import dev.latchkey.automation.rpc.RpcChainReader;
import dev.latchkey.chain.Abi;
import dev.latchkey.chain.EvmClient;
import dev.latchkey.chain.JsonRpcClient;
import dev.latchkey.chain.KeySender;
import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.DevnetConfig;
import dev.latchkey.devnet.Funding;
import dev.latchkey.devnet.Manifest;
import dev.latchkey.session.codec.SessionAbi;
import dev.latchkey.session.model.AccountKind;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.session.policy.PolicyAddresses;
import dev.latchkey.session.policy.PolicyKind;
import dev.latchkey.trade.catalog.Token;
import dev.latchkey.trade.catalog.TradeNetwork;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.StaticStruct;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint160;
import org.web3j.abi.datatypes.generated.Uint192;
import org.web3j.abi.datatypes.generated.Uint24;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * A PRIVATE devnet for the automation acceptance tests (they move chain time, which would disturb suites on the shared
 * devnet), with the adapters the signer and the engine need, an account deployer (the one owner signature installs
 * SmartSession with the sessions enabled) and a whale that moves the Uniswap pool price.
 */
public final class DevnetWorld implements AutoCloseable {

    public final Devnet devnet;
    public final Manifest m;
    public final EvmClient client;
    final JsonRpcClient bundlerRpc;
    final BundlerSubmitter bundler;
    final TradeNetwork network;
    final PolicyAddresses policies;

    private DevnetWorld(Devnet devnet) {
        this(devnet, devnet.manifest(), devnet.client());
    }

    private DevnetWorld(Devnet devnet, Manifest manifest, EvmClient client) {
        this.devnet = devnet;
        this.m = manifest;
        this.client = client;
        this.bundlerRpc = new JsonRpcClient(java.net.URI.create(m.bundlerUrl()), Duration.ofSeconds(10));
        this.bundler = new BundlerSubmitter(bundlerRpc, addr("EntryPoint"));
        this.network = new TradeNetwork("devnet", m.chainId(), addr("SwapRouter02"), addr("QuoterV2"), addr("AavePool"),
                List.of(new Token("USDC", addr("USDC"), 6), new Token("DAI", addr("DAI"), 18), new Token("WETH", addr("WETH"), 18)),
                addr("EntryPoint"), addr("SmartSession"));
        this.policies = PolicyAddresses.canonical()
                .with(PolicyKind.SUDO, addr("SudoPolicy")).with(PolicyKind.UNIVERSAL_ACTION, addr("UniActionPolicy"))
                .with(PolicyKind.SPENDING_LIMITS, addr("ERC20SpendingLimitPolicy")).with(PolicyKind.TIME_FRAME, addr("TimeFramePolicy"))
                .with(PolicyKind.USAGE_LIMIT, addr("UsageLimitPolicy")).with(PolicyKind.VALUE_LIMIT, addr("ValueLimitPolicy"))
                .with(PolicyKind.PERIODIC_SPENDING_LIMIT, addr("PeriodicSpendingLimitPolicy"))
                .with(PolicyKind.RATE_LIMIT, addr("RateLimitPolicy")).with(PolicyKind.GAS_COST_LIMIT, addr("GasCostLimitPolicy"));
    }

    /** The same world seen from another process (the devnet runs in the test JVM; nothing here stops it). */
    static DevnetWorld attach(Manifest manifest) {
        return new DevnetWorld(null, manifest, new EvmClient(manifest.rpcUrl()));
    }

    public static DevnetWorld start(Path dir) {
        Devnet d = Devnet.start(DevnetConfig.defaults(dir), message -> System.err.println("[automation devnet] " + message));
        if (d.manifest().bundlerUrl() == null) {
            d.close();
            throw new IllegalStateException("the automation acceptance tests need the Alto bundler");
        }
        return new DevnetWorld(d);
    }

    Address addr(String name) {
        return new Address(m.address(name).toLowerCase());
    }

    RpcChainReader reader() {
        return new RpcChainReader(client, network.quoterV2(), network.aavePool());
    }

    dev.latchkey.wallet.OnchainQuotes quotes() {
        return new dev.latchkey.wallet.OnchainQuotes(client, network.quoterV2());
    }

    /** The signer's live ports of main (head watcher, RPC chain view, on-chain policy state, stored definitions, gas templates). */
    dev.latchkey.signer.onchain.OnchainPorts ports() {
        return ports(bundlerRpc);
    }

    /** The same ports, sending to {@code bundler} (e.g. a fault proxy in front of Alto). */
    dev.latchkey.signer.onchain.OnchainPorts ports(JsonRpcClient bundler) {
        dev.latchkey.aa.flow.ChainAddresses chain = new dev.latchkey.aa.flow.ChainAddresses(m.chainId(), addr("EntryPoint"),
                addr("LatchkeyAccountFactory"), addr("OwnableValidator"), addr("SmartSession"), policies);
        return dev.latchkey.signer.onchain.OnchainPorts.forNetwork(chain, client, bundler);
    }

    BigInteger maxFee() {
        return client.baseFee().multiply(BigInteger.TWO).add(BigInteger.TEN.pow(9));
    }

    /** A deployed account and its owner key (used only for the one owner approval of each test's sessions). */
    record Account(Address address, ECKeyPair owner) { }

    /**
     * Deploys a LatchkeyAccount (owner signature) with SmartSession installed holding one placeholder session, then
     * enables {@code sessions} in a second owner-signed operation ({@code SmartSession.enableSessions}): template
     * sessions name the account in their rules, and the account's address commits to its install data.
     */
    Account deployAccount(java.util.function.Function<Address, List<OnchainSession>> sessionsFor) throws Exception {
        ECKeyPair owner = Keys.createEcKeyPair();
        byte[] ownerInit = Numeric.hexStringToByteArray(Abi.encodeArgs(new Uint256(1), new DynamicArray<>(
                org.web3j.abi.datatypes.Address.class, List.of(new org.web3j.abi.datatypes.Address("0x" + Keys.getAddress(owner))))));
        byte[] ssInit = HexBytes.of(new byte[] {1}).concat(SessionAbi.encodeParameters(List.of(new DynamicArray<>(DynamicStruct.class,
                List.of(SessionAbi.session(placeholder())))))).bytes();
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        String account = Abi.address(client.call(m.address("LatchkeyAccountFactory"), Abi.call("getAddress(bytes32,bytes,bytes)",
                new Bytes32(salt), new DynamicBytes(ownerInit), new DynamicBytes(ssInit))), 0);
        Address a = new Address(account.toLowerCase());
        devnet.faucet().fund(new Funding(account, BigDecimal.TEN, null, null, null));
        List<OnchainSession> sessions = sessionsFor.apply(a);
        HexBytes enable = HexBytes.parse("sel", "0x21712407").concat(SessionAbi.encodeParameters(List.of(new DynamicArray<>(DynamicStruct.class,
                sessions.stream().map(SessionAbi::session).toList()))));
        BigInteger ownerKey = NonceKeys.keyFor(AccountKind.LATCHKEY, addr("OwnableValidator"));
        UserOperation deploy = UserOperation.of(a, NonceKeys.nonce(ownerKey, BigInteger.ZERO),
                        Erc7579Execute.encode(List.of(new Execution(addr("SmartSession"), BigInteger.ZERO, enable))))
                .withFactory(addr("LatchkeyAccountFactory"), HexBytes.parse("init", Abi.call("createAccount(bytes32,bytes,bytes)",
                        new Bytes32(salt), new DynamicBytes(ownerInit), new DynamicBytes(ssInit))))
                .withGas(BigInteger.valueOf(8_000_000), BigInteger.valueOf(6_000_000), BigInteger.valueOf(200_000), maxFee(), BigInteger.TEN.pow(9));
        HexBytes hash = UserOpHash.hash(deploy, addr("EntryPoint"), BigInteger.valueOf(m.chainId()));
        Sign.SignatureData s = Sign.signPrefixedMessage(hash.bytes(), owner);
        HexBytes sig = HexBytes.of(s.getR()).concat(HexBytes.of(s.getS())).concat(HexBytes.of(s.getV()));
        assertThat(bundler.awaitReceipt(bundler.submit(deploy.withSignature(sig)), Duration.ofSeconds(60)).success())
                .as("deployment + enableSessions by the owner").isTrue();
        for (OnchainSession on : sessions) {
            assertThat(Abi.word(client.call(addr("SmartSession").hex(), Abi.call("isPermissionEnabled(bytes32,address)",
                    new Bytes32(dev.latchkey.session.codec.Ids.permissionId(on).bytes()), new org.web3j.abi.datatypes.Address(account))), 0))
                    .isEqualTo(BigInteger.ONE);
        }
        return new Account(a, owner);
    }

    /** A session nobody holds the key of (SmartSession's install data needs at least one). */
    private OnchainSession placeholder() throws Exception {
        Address dead = new Address("0x000000000000000000000000000000000000dead");
        dev.latchkey.session.wallet.WalletSession ws = new dev.latchkey.session.wallet.WalletSession(
                new dev.latchkey.session.wallet.Owners.Ecdsa(List.of(new Address("0x" + Keys.getAddress(Keys.createEcKeyPair()))), 1, addr("OwnableValidator")),
                List.of(new dev.latchkey.session.wallet.Action(addr("USDC"), new dev.latchkey.session.model.Selector("0xa9059cbb"), List.of(
                        new dev.latchkey.session.policy.Policy.UniversalAction(BigInteger.ZERO, List.of(new dev.latchkey.session.policy.ParamRule(
                                dev.latchkey.session.policy.ParamCondition.EQUAL, BigInteger.ZERO, new BigInteger(1, dead.bytes()), java.util.Optional.empty())))))),
                List.of(new dev.latchkey.session.policy.Policy.UsageLimit(BigInteger.ONE)), Wallets.salt(), List.of(m.chainId()), java.util.Optional.empty(), false);
        return dev.latchkey.session.wallet.SessionMapper.toOnchain(ws, policies);
    }

    void fund(Address to, long usdc, String weth) {
        devnet.faucet().fund(new Funding(to.hex(), BigDecimal.ONE, BigDecimal.valueOf(usdc), null, weth == null ? null : new BigDecimal(weth)));
    }

    public BigInteger balance(String token, Address who) {
        return Abi.word(client.call(m.address(token), Abi.call("balanceOf(address)", new org.web3j.abi.datatypes.Address(who.hex()))), 0);
    }

    /** WETH price in USDC from slot0 (display only). */
    public BigDecimal wethPrice() {
        var reader = reader();
        var pool = reader.pool(addr("WETH"), addr("USDC"), 500);
        return PriceLevel.price(reader.sqrtPriceX96(pool.address()), pool.token0().equals(addr("WETH")), 18, 6);
    }

    /** Swaps through the WETH/USDC pool from a whale until the price is at or beyond {@code target} (down: sells WETH). */
    public void movePriceTo(BigDecimal target) throws Exception {
        ECKeyPair whaleKey = Keys.createEcKeyPair();
        String whale = "0x" + Keys.getAddress(whaleKey);
        client.rpc().call("anvil_setBalance", whale, "0x" + BigInteger.TEN.pow(25).toString(16));
        KeySender w = new KeySender(client, whaleKey, m.chainId());
        for (int i = 0; i < 40; i++) {
            BigDecimal p = wethPrice();
            int dir = p.compareTo(target);
            if (dir == 0 || (i > 0 && Math.signum(dir) != Math.signum(lastDir))) return;
            lastDir = dir;
            BigDecimal gap = p.subtract(target).abs().divide(p, java.math.MathContext.DECIMAL64);
            if (dir > 0) { // sell WETH: about 0.5 x the fraction of the pool's 30,000 WETH per unit of relative move
                BigInteger amount = new BigDecimal("15000").multiply(gap).max(new BigDecimal("0.5")).movePointRight(18).toBigInteger();
                assertThat(w.send(m.address("WETH"), amount, Abi.call("deposit()")).success()).isTrue();
                swap(w, "WETH", "USDC", amount, whale);
            } else {
                BigInteger amount = new BigDecimal("45000000").multiply(gap).max(new BigDecimal("1000")).movePointRight(6).toBigInteger();
                assertThat(w.send(m.address("USDC"), BigInteger.ZERO, Abi.call("mint(address,uint256)", new org.web3j.abi.datatypes.Address(whale),
                        new Uint256(amount))).success()).isTrue();
                swap(w, "USDC", "WETH", amount, whale);
            }
        }
    }

    private int lastDir;

    private void swap(KeySender w, String from, String to, BigInteger amount, String whale) {
        assertThat(w.send(m.address(from), BigInteger.ZERO, Abi.call("approve(address,uint256)",
                new org.web3j.abi.datatypes.Address(m.address("SwapRouter02")), new Uint256(amount))).success()).isTrue();
        assertThat(w.send(m.address("SwapRouter02"), BigInteger.ZERO, Abi.call("exactInputSingle((address,address,uint24,address,uint256,uint256,uint160))",
                new StaticStruct(new org.web3j.abi.datatypes.Address(m.address(from)), new org.web3j.abi.datatypes.Address(m.address(to)),
                        new Uint24(500), new org.web3j.abi.datatypes.Address(whale), new Uint256(amount), new Uint256(0), new Uint160(0))),
                BigInteger.valueOf(1_000_000)).success()).isTrue();
    }

    /** Moves chain time forward and mines a block (this devnet only). */
    public void advance(long seconds) {
        client.rpc().call("evm_increaseTime", seconds);
        client.rpc().call("evm_mine");
    }

    /**
     * Mines a block {@code phase} seconds into the next epoch-aligned window of {@code window} seconds: the windowed
     * policies pin an operation into its window, and a bundler refuses one whose window ends within seconds.
     */
    public void alignTo(long window, long phase) {
        long now = client.latestTimestamp();
        client.rpc().call("evm_setNextBlockTimestamp", now - Math.floorMod(now, window) + window + phase);
        client.rpc().call("evm_mine");
    }

    public void mine() {
        client.rpc().call("evm_mine");
    }

    /** Mines the next block at chain time {@code epochSecond} (later than the latest block; this devnet only). */
    public void mineAt(long epochSecond) {
        client.rpc().call("evm_setNextBlockTimestamp", epochSecond);
        client.rpc().call("evm_mine");
    }

    @Override
    public void close() {
        bundlerRpc.close();
        if (devnet != null) devnet.close();
    }
}
