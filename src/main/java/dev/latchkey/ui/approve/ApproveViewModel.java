package dev.latchkey.ui.approve;

import dev.latchkey.ui.builder.ApprovalRequest;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.ui.common.Activatable;
import dev.latchkey.ui.common.AsyncAction;
import dev.latchkey.ui.common.UserMessages;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Approve: shows exactly what will be signed (decoded from the hashed struct, see {@link ApprovalReview}) and the
 * digest; the owner types the password once and the {@link ApprovalService} signs and stores. An unrestricted
 * session needs its own confirmation here too.
 */
public final class ApproveViewModel implements Activatable {

    private final ApprovalRequest request;
    private final ApprovalService service;
    private final AsyncAction approve;
    private final Consumer<ApprovalService.Approved> onApproved;
    private final Runnable onBack;

    private final ObservableList<ApprovalReview.Line> lines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper digest = new ReadOnlyStringWrapper(this, "digest", "");
    private final ReadOnlyStringWrapper permissionId = new ReadOnlyStringWrapper(this, "permissionId", "");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "Approve this session");
    private final ReadOnlyBooleanWrapper unrestricted = new ReadOnlyBooleanWrapper(this, "unrestricted");
    private final ReadOnlyStringWrapper unrestrictedText = new ReadOnlyStringWrapper(this, "unrestrictedText", "");
    private final BooleanProperty confirmUnrestricted = new SimpleBooleanProperty(this, "confirmUnrestricted");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyBooleanWrapper canApprove = new ReadOnlyBooleanWrapper(this, "canApprove");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");
    private final ReadOnlyBooleanWrapper approved = new ReadOnlyBooleanWrapper(this, "approved");
    private ApprovalReview review;

    public ApproveViewModel(ApprovalRequest request, ApprovalService service, AsyncAction approve, ZoneId zone,
                            Consumer<ApprovalService.Approved> onApproved, Runnable onBack) {
        this.request = Objects.requireNonNull(request);
        this.service = Objects.requireNonNull(service);
        this.approve = Objects.requireNonNull(approve);
        this.onApproved = Objects.requireNonNull(onApproved);
        this.onBack = Objects.requireNonNull(onBack);
        if (!request.label().isBlank()) title.set("Approve \u201c" + request.label() + "\u201d");
        try {
            review = ApprovalReview.of(request, zone);
            lines.setAll(review.lines());
            digest.set(review.plan().hashToSign().hex());
            permissionId.set(review.permissionId().hex());
            unrestricted.set(!review.unrestricted().isEmpty());
            unrestrictedText.set(review.unrestricted().isEmpty() ? "" : "UNRESTRICTED: " + String.join("; ", review.unrestricted()) + ".");
        } catch (FieldException e) {
            review = null;
            error.set("This session cannot be shown exactly, so it cannot be approved: " + e.getMessage());
        }
        password.addListener((o, a, b) -> update());
        confirmUnrestricted.addListener((o, a, b) -> update());
        approve.runningProperty().addListener((o, a, b) -> update());
        update();
    }

    @Override
    public void activate() {
        update();
    }

    @Override
    public void deactivate() {
        password.set("");
    }

    /** Signs and stores in the background; a wrong password is reported under the field. */
    public void onApprove() {
        update();
        if (!canApprove.get()) {
            return;
        }
        char[] pw = password.get().toCharArray();
        error.set("");
        approve.run(progress -> {
            progress.update(-1, "Signing the enable digest with your owner key");
            return service.approve(request, review.plan(), pw);
        }, done -> {
            password.set("");
            approved.set(true);
            result.set("Approved. The session is ready and is enabled on chain by its first trade. Permission id " + done.permissionId()
                    + ", signed by " + done.owner().checksummed() + ".");
            update();
            onApproved.accept(done);
        }, failure -> {
            password.set("");
            error.set(UserMessages.describe(failure));
        });
    }

    public void onBack() {
        onBack.run();
    }

    private void update() {
        canApprove.set(review != null && !approved.get() && !password.get().isEmpty() && !approve.isRunning()
                && (!unrestricted.get() || confirmUnrestricted.get()));
        if (!password.get().isEmpty() && review != null && !approve.isRunning()) error.set("");
    }

    public ObservableList<ApprovalReview.Line> lines() { return lines; }
    public ReadOnlyStringProperty digestProperty() { return digest.getReadOnlyProperty(); }
    public ReadOnlyStringProperty permissionIdProperty() { return permissionId.getReadOnlyProperty(); }
    /** "Approve “Scalp WETH”" when the session has a name. */
    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty unrestrictedProperty() { return unrestricted.getReadOnlyProperty(); }
    public ReadOnlyStringProperty unrestrictedTextProperty() { return unrestrictedText.getReadOnlyProperty(); }
    public BooleanProperty confirmUnrestrictedProperty() { return confirmUnrestricted; }
    public StringProperty passwordProperty() { return password; }
    public ReadOnlyBooleanProperty canApproveProperty() { return canApprove.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyStringProperty resultProperty() { return result.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty approvedProperty() { return approved.getReadOnlyProperty(); }
    public AsyncAction approveAction() { return approve; }
    public ApprovalReview review() { return review; }
}
