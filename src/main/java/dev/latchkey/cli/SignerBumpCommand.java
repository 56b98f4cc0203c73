package dev.latchkey.cli;

import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.session.engine.SoftLimits;
import dev.latchkey.signer.FeeBump;
import dev.latchkey.keystore.CallOutcome;
import dev.latchkey.keystore.JournalEntry;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.wallet.ChainConnection;
import dev.latchkey.wallet.SignerHost;
import dev.latchkey.wallet.SoftLimitSettings;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code latchkey signer bump --intent ID}: speeds up an operation that is not confirmed yet — the same intent at the
 * same sequence, re-signed with higher fees (docs/signer.md, "Fee bumps") — and waits for the chain to use the
 * sequence. Exit 0 when it landed, 2 when the bump was refused (nothing signed), 1 when it is still not confirmed.
 */
@Command(name = "bump", mixinStandardHelpOptions = true,
        description = "Raise the fees of an operation that is not confirmed yet (same intent, same sequence, re-signed),"
                + " then wait for the chain.")
final class SignerBumpCommand extends ChainCommand {

    private static final BigDecimal GWEI = BigDecimal.TEN.pow(9);

    @Option(names = "--intent", required = true, paramLabel = "ID", description = "The intent id a trade or activity row shows.")
    String intent;

    @Option(names = "--wait", defaultValue = "120", paramLabel = "SECONDS", converter = AsciiNumbers.Long.class,
            description = "How long to wait for the chain after the bump (default 120 s).")
    long waitSeconds;

    @Override
    boolean needsPassword() {
        return true;
    }

    @Override
    Map<String, Object> execute(Keystore keystore, ChainConnection chain) throws KeystoreException {
        if (!intent.matches("(0x)?[0-9a-fA-F]{32}")) {
            throw new dev.latchkey.wallet.WalletException(dev.latchkey.wallet.WalletException.Kind.INVALID,
                    "--intent: an intent id is 32 hex digits, not '" + intent + "'");
        }
        if (waitSeconds < 0 || waitSeconds > 3_600) {
            throw new dev.latchkey.wallet.WalletException(dev.latchkey.wallet.WalletException.Kind.INVALID,
                    "--wait: 0 to 3600 seconds, not " + waitSeconds);
        }
        String id = intent.toLowerCase(java.util.Locale.ROOT).replaceFirst("^0x", "");
        Map<String, Object> out = Output.result();
        out.put("intent", id);
        try (SignerHost host = SignerHost.start(keystore, chain, SoftLimitSettings.live(keystore.settings(), chain.profile().tradeNetwork()))) {
            FeeBump bump = host.signer().bumpFee(id).get(60, TimeUnit.SECONDS);
            switch (bump) {
                case FeeBump.Refused r -> {
                    exitCode = EXIT_REFUSED;
                    out.put("result", "refused");
                    out.put("message", "not sped up: " + r.message());
                    return out;
                }
                case FeeBump.Bumped b -> {
                    out.put("result", "bumped");
                    out.put("replaced", b.replaced().hex());
                    out.put("userOpHash", b.userOpHash().hex());
                    out.put("maxFee", gwei(b.maxFeePerGas()) + " gwei");
                    out.put("tip", gwei(b.maxPriorityFeePerGas()) + " gwei");
                    if (!b.bundlerAnswer().isEmpty()) out.put("bundler", b.bundlerAnswer());
                }
            }
            JournalEntry row = settledRow(keystore, id);
            switch (row.state()) {
                case FINAL -> {
                    out.put("landed", row.callOutcome() == CallOutcome.REVERTED ? "included, call reverted" : "included");
                    out.put("landedAs", HexBytes.of(row.userOpHash()).hex());
                }
                case FAILED, CANCELLED, CONFLICT -> {
                    exitCode = EXIT_ERROR;
                    out.put("landed", "did not land (" + row.state().name().toLowerCase(java.util.Locale.ROOT) + "): "
                            + row.bundlerError());
                }
                default -> {
                    exitCode = EXIT_ERROR;
                    out.put("landed", "not confirmed yet — waiting for the chain; the wallet keeps following it");
                }
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new dev.latchkey.wallet.WalletException(dev.latchkey.wallet.WalletException.Kind.STATE,
                    "the signer did not answer the fee bump: " + e.getMessage());
        }
    }

    /** The journal row once it is terminal, or as it is when {@code --wait} runs out (what the signer recorded). */
    private JournalEntry settledRow(Keystore keystore, String id) throws KeystoreException, InterruptedException {
        byte[] intentId = java.util.HexFormat.of().parseHex(id);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSeconds);
        JournalEntry row = keystore.journal().get(intentId);
        while (!row.state().isTerminal() && System.nanoTime() < until) {
            Thread.sleep(250);
            row = keystore.journal().get(intentId);
        }
        return row;
    }

    private static String gwei(BigInteger wei) {
        return new BigDecimal(wei).divide(GWEI).stripTrailingZeros().toPlainString();
    }
}
