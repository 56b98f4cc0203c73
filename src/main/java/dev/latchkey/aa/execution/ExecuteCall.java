package dev.latchkey.aa.execution;

import dev.latchkey.session.model.FieldException;
import java.util.List;

/** A decoded {@code execute(bytes32 mode, bytes executionCalldata)}. Delegatecalls carry value 0. */
public record ExecuteCall(ExecutionMode mode, List<Execution> executions) {
    public ExecuteCall {
        if (mode == null) throw new FieldException("mode", "missing");
        if (executions == null) throw new FieldException("executions", "missing");
        executions = List.copyOf(executions);
    }
}
