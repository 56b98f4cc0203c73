package dev.latchkey.app;

import dev.latchkey.keystore.ActivityFields;
import dev.latchkey.keystore.ActivityKind;
import dev.latchkey.session.engine.PreparedSession;
import dev.latchkey.aa.execution.Erc7579Execute;
import dev.latchkey.aa.userop.UserOperation;
import dev.latchkey.aa.userop.OperationContexts;
import dev.latchkey.aa.userop.WindowClaims;
import dev.latchkey.aa.flow.ChainPolicyState;
import dev.latchkey.chain.AavePool;
import dev.latchkey.chain.EvmClient;
import dev.latchkey.chain.RpcException;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.keystore.SessionStatus;
import dev.latchkey.session.engine.Decision;
import dev.latchkey.session.engine.OperationContext;
import dev.latchkey.session.engine.PolicyEngine;
import dev.latchkey.session.engine.SoftLimits;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.trade.build.AaveIntent;
import dev.latchkey.trade.build.BuiltTrade;
import dev.latchkey.trade.build.QuoteRequest;
import dev.latchkey.trade.build.RefusalText;
import dev.latchkey.trade.build.SwapIntent;
import dev.latchkey.trade.catalog.Token;
import dev.latchkey.trade.catalog.TradeNetwork;
import dev.latchkey.ui.trade.TradePort;
import dev.latchkey.wallet.AavePosition;
import dev.latchkey.wallet.Coverage;
import dev.latchkey.wallet.OnchainQuotes;
import dev.latchkey.wallet.PendingTrade;
import dev.latchkey.wallet.SessionLabels;
import dev.latchkey.wallet.TradeResult;
import dev.latchkey.wallet.TradeService;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * {@link TradePort} over the wallet's trade service (QuoterV2 quotes, coverage, the background signer) and Aave's
 * pool and oracle for the health-factor estimate.
 */
final class LiveTrade implements TradePort {

    /** Fee tiers probed for a pool per token pair, most common first. */
    private static final List<Integer> FEES = List.of(500, 3000, 100, 10_000);
    private static final List<String> QUOTE_PREFERENCE = List.of("USDC", "DAI", "USDT");

    private final LiveWorkspace workspace;

    LiveTrade(LiveWorkspace workspace) {
        this.workspace = workspace;
    }

    @Override
    public Market market() throws Exception {
        WalletWorkspace w = workspace.current();
        TradeNetwork n = w.profile().tradeNetwork();
        OnchainQuotes quotes = new OnchainQuotes(w.chain().node(), n.quoterV2());
        List<Pair> pairs = new ArrayList<>();
        List<Token> tokens = n.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            for (int j = i + 1; j < tokens.size(); j++) {
                Token[] bq = orient(tokens.get(i), tokens.get(j));
                poolFee(quotes, bq[0], bq[1]).ifPresent(fee -> pairs.add(new Pair(bq[0], bq[1], fee)));
            }
        }
        AavePool pool = new AavePool(w.chain().node(), n.aavePool().hex());
        List<Token> aave = tokens.stream().filter(t -> pool.reserve(t.address().hex()).isPresent()).toList();
        return new Market(w.profile().name() + " (chain " + w.profile().chainId() + ")", pairs, aave);
    }

    @Override
    public SwapPreview previewSwap(SwapIntent intent) throws Exception {
        WalletWorkspace w = workspace.current();
        TradeNetwork n = w.profile().tradeNetwork();
        BuiltTrade trade = w.trades().previewSwap(w.account(), intent);
        return new SwapPreview(n.token("from", intent.from()), n.token("to", intent.to()), intent.amount(),
                trade.quote().orElseThrow().amountOut(), trade.amountOutMinimum().orElseThrow(), cover(w, trade));
    }

    @Override
    public CompletableFuture<TradeResult> swap(SwapIntent intent) {
        return submit(w -> w.trades().submitSwap(w.account(), intent));
    }

    @Override
    public AaveState aave() throws Exception {
        WalletWorkspace w = workspace.current();
        TradeNetwork n = w.profile().tradeNetwork();
        EvmClient node = w.chain().node();
        AavePosition position = w.accounts().show(Optional.of(w.account().address())).aave()
                .orElseThrow(() -> new IllegalStateException("no Aave market on " + w.profile().name()));
        AavePool pool = new AavePool(node, n.aavePool().hex());
        List<AaveAsset> assets = new ArrayList<>();
        for (Token t : n.tokens()) {
            if (pool.reserve(t.address().hex()).isPresent()) {
                assets.add(new AaveAsset(t, pool.assetPrice(t.address().hex()), pool.liquidationThreshold(t.address().hex())));
            }
        }
        return new AaveState(position, assets);
    }

    @Override
    public Cover aaveCover(AaveIntent intent) throws Exception {
        WalletWorkspace w = workspace.current();
        return cover(w, w.trades().previewAave(w.account(), intent));
    }

    @Override
    public CompletableFuture<TradeResult> aave(AaveIntent intent) {
        return submit(w -> w.trades().submitAave(w.account(), intent));
    }

    /**
     * Quote, build and hand over on a background thread. The click's description is logged under its intent id at
     * once, so Activity can name an operation that is still pending (or refused, which leaves no journal row).
     */
    private CompletableFuture<TradeResult> submit(Submit submit) {
        CompletableFuture<CompletableFuture<TradeResult>> handed = CompletableFuture.supplyAsync(() -> {
            try {
                WalletWorkspace w = workspace.current();
                PendingTrade pending = submit.to(w);
                w.keystore().activity().append(ActivityKind.TRADE_REQUESTED, pending.intentId(),
                        capitalised(pending.trade().description()));
                workspace.changed();
                return pending.result().thenApply(result -> explained(w, pending, result));
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, workspace.background());
        return handed.thenCompose(Function.identity()).whenComplete((result, failure) -> workspace.changed());
    }

    /** A refusal in the trade's terms (token amounts and names); also logged for the Activity screen. */
    private static TradeResult explained(WalletWorkspace w, PendingTrade pending, TradeResult result) {
        if (!(result instanceof TradeResult.Refused r) || r.reason().equals("no-session")) {
            return result;
        }
        String text = new RefusalText(w.profile().tradeNetwork()).explain(r.message(), pending.trade().calls());
        try {
            w.keystore().activity().append(ActivityKind.TRADE_EXPLAINED, pending.intentId(), r.reason() + ": " + text,
                    ActivityFields.because(r.reason() + ": " + text));
        } catch (Exception e) {
            // the signer's own row keeps the exact reason
        }
        return new TradeResult.Refused(r.intentId(), r.description(), r.reason(), text);
    }

    @FunctionalInterface
    private interface Submit {
        PendingTrade to(WalletWorkspace w) throws Exception;
    }

    private static Cover cover(WalletWorkspace w, BuiltTrade trade) throws Exception {
        TradeService.Preview preview = w.trades().preview(trade);
        Coverage.Report report = preview.report();
        if (report.covering().isEmpty()) {
            return new Cover(Optional.empty(), report.reasons());
        }
        SessionRecord s = report.covering().get();
        HexBytes pid = HexBytes.of(s.permissionId());
        String label = SessionLabels.of(w.keystore().settings(), pid);
        // The signer's own verdict (rules, caps, soft limits, operations in flight): the selector-level coverage alone
        // would call a session with the right functions "covering" a trade its rules forbid.
        Optional<String> refusal = preview.refusal();
        boolean enabled = s.status() == SessionStatus.ENABLED;
        String note = refusal.map(r -> "its limits refuse this trade: " + r)
                .orElse(enabled ? "enabled; the signer signs this without asking"
                        : s.approved() ? "approved; this trade enables it on chain" : "awaiting your approval: approve it once in Sessions");
        return new Cover(Optional.of(new Covering(pid, label, refusal.isEmpty() && (enabled || s.approved()), note)), report.reasons());
    }

    /** Base and quote of a pair: the quote is the preferred stable coin. */
    private static Token[] orient(Token a, Token b) {
        int ra = rank(a);
        int rb = rank(b);
        return ra <= rb ? new Token[] {b, a} : new Token[] {a, b};
    }

    private static int rank(Token t) {
        int i = QUOTE_PREFERENCE.indexOf(t.symbol());
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    /** The first fee tier whose pool quotes a small amount of {@code base}. */
    private static Optional<Integer> poolFee(OnchainQuotes quotes, Token base, Token quote) {
        BigInteger probe = BigInteger.TEN.pow(Math.max(0, base.decimals() - 2));
        for (int fee : FEES) {
            try {
                if (quotes.quoteExactInputSingle(new QuoteRequest(base.address(), quote.address(), probe, fee)).amountOut().signum() > 0) {
                    return Optional.of(fee);
                }
            } catch (RuntimeException e) {
                // no pool with this fee (QuoterV2 reverts)
            }
        }
        return Optional.empty();
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
