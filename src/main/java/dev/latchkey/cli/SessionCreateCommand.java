package dev.latchkey.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.Sessions;
import dev.latchkey.session.json.WalletSessionJson;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.wallet.AccountService;
import dev.latchkey.wallet.ChainConnection;
import dev.latchkey.wallet.CreatedSession;
import dev.latchkey.wallet.SessionRequest;
import dev.latchkey.wallet.SessionLabels;
import dev.latchkey.wallet.SessionService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code latchkey session create}: a new session (template or file) with a new session key; nothing is signed yet. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Create a session from a template (" + TemplateOptions.NAMES + ") or a session file; the owner approves it"
                + " afterwards with 'session enable'.")
final class SessionCreateCommand extends ChainCommand {

    static final class Source {
        @Option(names = "--template", paramLabel = "NAME", required = true, description = "A least-privilege template.")
        String template;

        @Option(names = "--file", paramLabel = "FILE", required = true, description = "A session in the wallet JSON format of 03.")
        Path file;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Mixin
    TemplateOptions templateOptions;

    @Option(names = "--days", defaultValue = "7", description = "Validity from now, 1..7 days (templates; default 7).", converter = AsciiNumbers.Int.class)
    int days;

    @Option(names = "--allow-broad", description = "--file: accept a session outside the least-privilege rules.")
    boolean allowBroad;

    @Option(names = "--account", paramLabel = "ADDR", description = "The account (default: the wallet's only one).")
    String account;

    @Option(names = "--label", paramLabel = "TEXT", description = "A name for the session, shown in every list (default: the"
            + " template's name or the file's).")
    String label;

    @Override
    boolean needsPassword() {
        return true;
    }

    @Override
    Map<String, Object> execute(Keystore keystore, ChainConnection chain) throws KeystoreException, IOException {
        Sessions.Account a = new AccountService(keystore, chain).resolve(Optional.ofNullable(account));
        SessionRequest request = source.template != null
                ? new SessionRequest.FromTemplate(templateOptions.template(source.template, chain.profile().tradeNetwork()), days)
                : new SessionRequest.FromDocument(WalletSessionJson.read(json(source.file)), source.file.getFileName().toString(), allowBroad);
        String name = label == null ? null : SessionLabels.checked(label); // refused before anything is created
        CreatedSession s = new SessionService(keystore, chain, Clock.systemUTC()).create(a, request);
        if (name != null) {
            SessionLabels.set(keystore.settings(), s.permissionId(), name);
        }
        Map<String, Object> out = Output.result();
        out.put("session", s.permissionId().hex());
        out.put("status", "awaiting approval");
        out.put("label", name != null ? name : s.label());
        out.put("account", s.account().checksummed());
        out.put("sessionKey", s.sessionKey().checksummed());
        out.put("validFrom", Instant.ofEpochSecond(s.validAfter()).toString());
        out.put("validUntil", Instant.ofEpochSecond(s.validUntil()).toString());
        out.put("summary", s.summary());
        out.put("worstCase", s.worstCase());
        out.put("review", s.review());
        Map<String, Object> budget = new LinkedHashMap<>();
        s.budget().forEach(l -> budget.put(l.token(), l.cap().toString()));
        out.put("ledgerCaps", budget);
        out.put("enableDigest", s.enableDigest().hex());
        out.put("next", "latchkey session enable --session " + s.permissionId().hex());
        return out;
    }

    private static JsonNode json(Path file) throws IOException {
        try {
            return new ObjectMapper().readTree(Files.readString(file));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new FieldException("--file", "there is no file " + file.toAbsolutePath());
        } catch (java.nio.file.AccessDeniedException e) {
            throw new FieldException("--file", "the file " + file.toAbsolutePath() + " cannot be read (permission denied)");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new FieldException("--file", "malformed JSON: " + e.getOriginalMessage());
        }
    }
}
