package dev.latchkey.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.aa.userop.UserOpHash;
import dev.latchkey.aa.userop.UserOpJson;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.UInt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code latchkey userop hash}: EntryPoint v0.7 userOpHash of a user operation in bundler JSON. */
@Command(name = "hash", mixinStandardHelpOptions = true, description = "Print {\"userOpHash\": ...} (EntryPoint v0.7).")
public final class UserOpHashCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--file", required = true, paramLabel = "F", description = "User operation, ERC-4337 v0.7 bundler JSON.")
    Path file;

    @Option(names = "--entry-point", required = true, paramLabel = "ADDR", description = "EntryPoint address.")
    String entryPoint;

    @Option(names = "--chain-id", required = true, paramLabel = "N", description = "Chain id.")
    String chainId;

    @Override
    public Integer call() {
        try {
            ObjectMapper mapper = new ObjectMapper();
            JsonNode json;
            try {
                json = mapper.readTree(Files.readString(file));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new FieldException("--file", "malformed JSON: " + e.getOriginalMessage());
            } catch (IOException e) {
                throw new FieldException("--file", "cannot read " + file + ": " + e);
            }
            String hash = UserOpHash.hash(UserOpJson.read(json), Address.parse("--entry-point", entryPoint),
                    UInt.parse("--chain-id", chainId, 256)).hex();
            spec.commandLine().getOut().println(mapper.createObjectNode().put("userOpHash", hash));
            spec.commandLine().getOut().flush();
            return 0;
        } catch (FieldException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return 1;
        }
    }
}
