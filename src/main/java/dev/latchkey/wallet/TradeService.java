package dev.latchkey.wallet;

import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.Sessions;
import dev.latchkey.session.model.Address;
import dev.latchkey.signer.DryRun;
import dev.latchkey.signer.Outcome;
import dev.latchkey.signer.SessionDefinitions;
import dev.latchkey.signer.SignerIntent;
import dev.latchkey.signer.SignerService;
import dev.latchkey.trade.build.AaveIntent;
import dev.latchkey.trade.build.BuiltTrade;
import dev.latchkey.trade.build.RefusalText;
import dev.latchkey.trade.build.SwapIntent;
import dev.latchkey.trade.build.TradeBuilder;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One-click trades: intent → on-chain QuoterV2 quote (never a caller's price, R18) → {@link TradeBuilder} calls →
 * {@link SignerIntent} handed to the running background signer, which finds the covering session, checks, reserves,
 * signs with the session key and submits. The result says what the signer decided; when no session covers the trade
 * it also says why each session does not.
 */
public final class TradeService {

    private final ChainConnection chain;
    private final SignerService signer;
    private final Coverage coverage;
    private final TradeBuilder builder;
    private final SecureRandom random = new SecureRandom();

    public TradeService(Keystore keystore, ChainConnection chain, SignerService signer, SessionDefinitions definitions) {
        this.chain = chain;
        this.signer = signer;
        NetworkProfile p = chain.profile();
        this.coverage = new Coverage(keystore.sessions(), definitions, p.policies(), p.tradeNetwork());
        this.builder = new TradeBuilder(p.tradeNetwork(), new OnchainQuotes(chain.node(), p.quoterV2().orElseThrow()));
    }

    /** Trades through a running {@link SignerHost}. */
    public TradeService(Keystore keystore, ChainConnection chain, SignerHost host) {
        this(keystore, chain, host.signer(), host.definitions());
    }

    /** The calls of a swap with a fresh quote; nothing is signed. */
    public BuiltTrade previewSwap(Sessions.Account account, SwapIntent intent) {
        return builder.swap(Address.parse("account", account.address()), intent);
    }

    public BuiltTrade previewAave(Sessions.Account account, AaveIntent intent) {
        return builder.aave(Address.parse("account", account.address()), intent);
    }

    /** Which session would sign {@code trade}, or why none would. */
    public Coverage.Report coverage(BuiltTrade trade) throws KeystoreException {
        return coverage.of(trade.account(), trade.calls(), chain.chainTime());
    }

    /**
     * A trade's preview: which session covers it (or why none does) and what the signer would decide now, from its
     * own engine with soft limits and the session's operations in flight; {@code refusal} is a policy or soft-limit
     * refusal in the trade's terms (token amounts and names).
     */
    public record Preview(Coverage.Report report, DryRun verdict, java.util.Optional<String> refusal) { }

    public Preview preview(BuiltTrade trade) throws KeystoreException {
        Coverage.Report report = coverage(trade);
        byte[] id = new byte[16];
        random.nextBytes(id);
        DryRun verdict = signer.dryRun(new SignerIntent(id, trade.account(), chain.profile().chainId(), trade.callData()));
        java.util.Optional<String> refusal = verdict instanceof DryRun.Refused r && r.reason().startsWith("policy")
                ? java.util.Optional.of(new RefusalText(chain.profile().tradeNetwork()).explain(r.message(), trade.calls()))
                : java.util.Optional.empty();
        return new Preview(report, verdict, refusal);
    }

    public PendingTrade submitSwap(Sessions.Account account, SwapIntent intent) throws KeystoreException {
        return submit(previewSwap(account, intent));
    }

    public PendingTrade submitAave(Sessions.Account account, AaveIntent intent) throws KeystoreException {
        return submit(previewAave(account, intent));
    }

    /** Hands {@code trade} to the signer; the future completes with its decision (and inclusion, when approved). */
    public PendingTrade submit(BuiltTrade trade) throws KeystoreException {
        Coverage.Report report = coverage(trade);
        byte[] id = new byte[16];
        random.nextBytes(id);
        SignerIntent intent = new SignerIntent(id, trade.account(), chain.profile().chainId(), trade.callData());
        return new PendingTrade(intent.idHex(), trade, signer.submit(intent).thenApply(o -> result(trade, o, report)));
    }

    /**
     * Retry of a trade that is not confirmed yet: the same intent (same id, same calls) goes to the signer again, which
     * follows the operation it already signed to its end. It never signs a second operation for it, so a retry after
     * "not confirmed yet" cannot pay twice.
     */
    public PendingTrade retry(PendingTrade pending) throws KeystoreException {
        BuiltTrade trade = pending.trade();
        Coverage.Report report = coverage(trade);
        SignerIntent intent = new SignerIntent(java.util.HexFormat.of().parseHex(pending.intentId()), trade.account(),
                chain.profile().chainId(), trade.callData());
        return new PendingTrade(intent.idHex(), trade, signer.submit(intent).thenApply(o -> result(trade, o, report)));
    }

    /** Waits up to {@code timeout}; a trade still in flight then is reported as not settled (the journal keeps it). */
    public TradeResult await(PendingTrade pending, Duration timeout) {
        String id = pending.intentId();
        String what = pending.trade().description();
        try {
            return pending.result().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new TradeResult.Failed(id, what, "not settled within " + timeout.toSeconds() + " s; the journal keeps it"
                    + " and the signer resumes it on its next start");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TradeResult.Failed(id, what, "interrupted; the journal keeps it");
        } catch (ExecutionException e) {
            return new TradeResult.Failed(id, what, String.valueOf(e.getCause()));
        }
    }

    private static TradeResult result(BuiltTrade trade, Outcome o, Coverage.Report report) {
        String what = trade.description();
        return switch (o) {
            case Outcome.Included i -> new TradeResult.Included(i.intentId(), what, i.userOpHash(), i.transactionHash(),
                    i.nonceSeq(), i.success(), trade.quote(), trade.amountOutMinimum());
            case Outcome.Refused r -> new TradeResult.Refused(r.intentId(), what, r.reason(),
                    r.reason().equals("no-session") ? r.message() + ": " + String.join("; ", report.reasons()) : r.message());
            case Outcome.Failed f -> new TradeResult.Failed(f.intentId(), what, f.error());
            case Outcome.Duplicate d -> new TradeResult.Duplicate(d.intentId(), what, d.journalState());
            case Outcome.Unconfirmed u -> new TradeResult.Unconfirmed(u.intentId(), what, u.nonceSeq(), u.detail());
        };
    }

}
