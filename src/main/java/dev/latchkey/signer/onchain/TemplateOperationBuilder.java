package dev.latchkey.signer.onchain;

import dev.latchkey.aa.execution.Erc7579Execute;
import dev.latchkey.aa.execution.Execution;
import dev.latchkey.aa.flow.OperationSender;
import dev.latchkey.aa.nonce.NonceKeys;
import dev.latchkey.aa.signature.MockSignatures;
import dev.latchkey.aa.userop.UserOperation;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.session.codec.SmartSessionSignatures;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.EnableSession;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.SmartSessionMode;
import dev.latchkey.signer.ChainView;
import dev.latchkey.signer.NonceLane;
import dev.latchkey.signer.OperationBuilder;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link OperationBuilder} without a round trip on the trade path: gas limits come from a template per call shape
 * (session, mode, (target, selector) list, callData length), measured once with the bundler's estimate and widened by
 * a safety margin; fees from the {@link HeadWatcher}'s background-refreshed base fee
 * ({@code maxFee = 2 × baseFee + priority}). A shape seen for the first time is estimated on the spot unless
 * {@link #prepare} measured it ahead (e.g. while the trade screen shows a quote).
 */
public final class TemplateOperationBuilder implements OperationBuilder {

    /** Gas limits of one call shape. */
    public record GasTemplate(BigInteger callGas, BigInteger verificationGas, BigInteger preVerificationGas) { }

    /** What a template is keyed on: everything that changes the gas of validation and execution materially. */
    record Shape(String permissionId, SmartSessionMode mode, List<String> calls, int callDataLength) { }

    private final OperationSender estimator;
    private final HeadWatcher head;
    private final ChainView chain;
    private final Map<Shape, GasTemplate> templates = new ConcurrentHashMap<>();
    private final AtomicLong estimations = new AtomicLong();

    /**
     * @param estimator the SDK's sender: {@code estimate} asks the bundler ({@code eth_estimateUserOperationGas},
     *                  +20 %), or keeps direct mode's fixed limits
     * @param chain     for the on-chain nonce of the key when a shape is measured (estimation simulates validation)
     */
    public TemplateOperationBuilder(OperationSender estimator, HeadWatcher head, ChainView chain) {
        this.estimator = estimator;
        this.head = head;
        this.chain = chain;
    }

    @Override
    public UserOperation build(SessionRecord session, long chainId, BigInteger nonce, HexBytes callData) {
        HexBytes pid = HexBytes.of(session.permissionId());
        return withTemplate(session, nonce, callData, SmartSessionSignatures.use(pid, MockSignatures.OWNABLE_MOCK), SmartSessionMode.USE);
    }

    @Override
    public UserOperation buildEnable(SessionRecord session, long chainId, BigInteger nonce, HexBytes callData, EnableSession enable) {
        return withTemplate(session, nonce, callData,
                SmartSessionSignatures.enable(SmartSessionMode.ENABLE, enable, MockSignatures.OWNABLE_MOCK), SmartSessionMode.ENABLE);
    }

    /** Measures the shape of {@code callData} now, off the trade path; later builds of that shape make no round trip. */
    public GasTemplate prepare(SessionRecord session, long chainId, HexBytes callData, Optional<EnableSession> enable) {
        HexBytes pid = HexBytes.of(session.permissionId());
        BigInteger key = NonceLane.of(session, smartSession(session, chainId)).key();
        HexBytes stub = enable.isPresent()
                ? SmartSessionSignatures.enable(SmartSessionMode.ENABLE, enable.get(), MockSignatures.OWNABLE_MOCK)
                : SmartSessionSignatures.use(pid, MockSignatures.OWNABLE_MOCK);
        SmartSessionMode mode = enable.isPresent() ? SmartSessionMode.ENABLE : SmartSessionMode.USE;
        return templates.computeIfAbsent(shape(session, mode, callData), s -> measure(session, key, callData, stub));
    }

    /** How many shapes were measured with the bundler (each is one round trip). */
    public long estimations() {
        return estimations.get();
    }

    /** Drops every template (e.g. after an operation ran out of gas), so the next build measures again. */
    public void forgetTemplates() {
        templates.clear();
    }

    private UserOperation withTemplate(SessionRecord session, BigInteger nonce, HexBytes callData, HexBytes stub, SmartSessionMode mode) {
        BigInteger key = nonce.shiftRight(64);
        GasTemplate t = templates.computeIfAbsent(shape(session, mode, callData), s -> measure(session, key, callData, stub));
        HeadWatcher.Head h = head.current();
        BigInteger maxFee = h.baseFee().multiply(BigInteger.TWO).add(h.priorityFee());
        return UserOperation.of(sender(session), nonce, callData)
                .withGas(t.callGas(), t.verificationGas(), t.preVerificationGas(), maxFee, h.priorityFee());
    }

    /**
     * One estimate at the key's current on-chain nonce (the bundler simulates validation, so a nonce ahead of the chain
     * would fail), widened: call gas +25 % + 20k (state the first trade found warm may be cold later, and the reverse),
     * verification +10 %, pre-verification +2k (calldata bytes of other amounts).
     */
    private GasTemplate measure(SessionRecord session, BigInteger key, HexBytes callData, HexBytes stub) {
        Address sender = sender(session);
        BigInteger nonce = NonceKeys.nonce(key, BigInteger.valueOf(chain.nextSequence(sender, key)));
        HeadWatcher.Head h = head.current();
        BigInteger maxFee = h.baseFee().multiply(BigInteger.TWO).add(h.priorityFee());
        UserOperation draft = UserOperation.of(sender, nonce, callData).withSignature(stub)
                .withGas(OperationSender.DIRECT_CALL_GAS, OperationSender.DIRECT_VERIFICATION_GAS,
                        OperationSender.DIRECT_PRE_VERIFICATION_GAS, maxFee, h.priorityFee());
        UserOperation est = estimator.estimate(draft);
        estimations.incrementAndGet();
        if (est == draft) {
            return new GasTemplate(draft.callGasLimit(), draft.verificationGasLimit(), draft.preVerificationGas());
        }
        return new GasTemplate(
                est.callGasLimit().multiply(BigInteger.valueOf(5)).divide(BigInteger.valueOf(4)).add(BigInteger.valueOf(20_000)),
                est.verificationGasLimit().multiply(BigInteger.valueOf(11)).divide(BigInteger.TEN),
                est.preVerificationGas().add(BigInteger.valueOf(2_000)));
    }

    private static Address smartSession(SessionRecord session, long chainId) {
        return session.chains().stream().filter(c -> c.chainId() == chainId).findFirst()
                .map(c -> new Address(c.smartSession().toLowerCase()))
                .orElseThrow(() -> new IllegalArgumentException("session is not on chain " + chainId));
    }

    private static Shape shape(SessionRecord session, SmartSessionMode mode, HexBytes callData) {
        // Keyed on the untagged callData: a quote measured ahead (untagged) serves the tagged trade; the tag's 20 bytes
        // (≈ 320 gas of pre-verification) are inside the template's margins.
        HexBytes plain = dev.latchkey.signer.IntentTag.strip(callData);
        List<String> calls = Erc7579Execute.decode(plain).executions().stream().map(TemplateOperationBuilder::callKey).toList();
        return new Shape(HexBytes.of(session.permissionId()).hex(), mode, calls, plain.length());
    }

    private static String callKey(Execution e) {
        HexBytes data = e.callData();
        String selector = data.length() >= 4 ? data.slice(0, 4).hex() : "0x";
        return e.target().hex() + ":" + selector + (e.value().signum() > 0 ? ":value" : "");
    }

    private static Address sender(SessionRecord session) {
        return new Address(session.account().toLowerCase());
    }
}
