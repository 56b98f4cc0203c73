package dev.latchkey.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package rules of docs/architecture.md, checked on every build. */
@AnalyzeClasses(packages = "dev.latchkey", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule subPackagesAreFreeOfCycles = com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
            .matching("dev.latchkey.(*).(*)..").should().beFreeOfCycles()
            .because("a room inside a package depends on its neighbours one way (ui screens on ui.common, approve on builder),"
                    + " so each can be read, tested and changed without the other");

    @ArchTest
    static final ArchRule javafxOnlyInUiAndApp = noClasses()
            .that().resideOutsideOfPackages("dev.latchkey.ui..", "dev.latchkey.app..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..")
            .allowEmptyShould(true)
            .because("services are plain Java, testable without a toolkit");

    @ArchTest
    static final ArchRule viewModelsNeverTouchSceneNodes = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..")
            .allowEmptyShould(true)
            .because("a view model holds state and commands; the view owns the nodes");

    @ArchTest
    static final ArchRule viewModelsUseOnlyBeansAndCollections = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat(resideInAPackage("javafx..")
                    .and(not(resideInAnyPackage("javafx.beans..", "javafx.collections.."))))
            .orShould().dependOnClassesThat().resideInAnyPackage("atlantafx..")
            .allowEmptyShould(true)
            .because("a view model holds state in properties and gets the FX thread through FxExecutor: no nodes,"
                    + " Platform, stages, FXML or Tasks, so it runs without the toolkit");

    @ArchTest
    static final ArchRule statusBarPortsArePlainJava = noClasses()
            .that().resideInAPackage("dev.latchkey.ui.status..")
            .and().haveSimpleNameNotStartingWith("StatusBar")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..")
            .allowEmptyShould(true)
            .because("the status bar's ports (chain status, signer control) are implemented by plain services in app");

    @ArchTest
    static final ArchRule onlyAppWiresTheDesktopApp = noClasses()
            .that().resideInAPackage("dev.latchkey.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.latchkey.app..", "dev.latchkey.cli..")
            .allowEmptyShould(true)
            .because("app builds the UI, never the other way round");

    @ArchTest
    static final ArchRule uiReachesInfrastructureOnlyThroughPorts = noClasses()
            .that().resideInAPackage("dev.latchkey.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.latchkey.devnet..", "dev.latchkey.chain..",
                    "dev.latchkey.signer..", "dev.latchkey.aa..")
            .allowEmptyShould(true)
            .because("screens get the devnet, RPC and the signer through ports (UiServices) that app implements");

    @ArchTest
    static final ArchRule sessionDependsOnNothingOfOurs = noClasses()
            .that().resideInAPackage("dev.latchkey.session..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.latchkey.aa..", "dev.latchkey.chain..", "dev.latchkey.devnet..", "dev.latchkey.keystore..",
                    "dev.latchkey.signer..", "dev.latchkey.trade..", "dev.latchkey.automation..",
                    "dev.latchkey.cli..", "dev.latchkey.ui..", "dev.latchkey.app..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule aaDependsOnlyOnSessionAndChain = noClasses()
            .that().resideInAPackage("dev.latchkey.aa..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.latchkey.devnet..", "dev.latchkey.keystore..", "dev.latchkey.signer..", "dev.latchkey.trade..",
                    "dev.latchkey.automation..", "dev.latchkey.cli..", "dev.latchkey.ui..", "dev.latchkey.app..")
            .allowEmptyShould(true)
            .because("aa builds on session (and later chain) only");

    @ArchTest
    static final ArchRule tradeDependsOnlyOnSessionAaAndChain = noClasses()
            .that().resideInAPackage("dev.latchkey.trade..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.latchkey.devnet..", "dev.latchkey.keystore..", "dev.latchkey.signer..", "dev.latchkey.automation..",
                    "dev.latchkey.cli..", "dev.latchkey.ui..", "dev.latchkey.app..")
            .allowEmptyShould(true)
            .because("trade is pure: catalog, templates and builders on top of session, aa and chain; quotes come through a port");

    @ArchTest
    static final ArchRule tradeSeamsPointOneWay = noClasses()
            .that().resideInAPackage("dev.latchkey.trade.catalog..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.latchkey.trade.template..", "dev.latchkey.trade.build..")
            .orShould().dependOnClassesThat().resideInAnyPackage("dev.latchkey.aa..")
            .allowEmptyShould(true)
            .because("catalog <- template, catalog <- build; the catalog knows only the session model");

    @ArchTest
    static final ArchRule tradeTemplatesDoNotBuildTrades = noClasses()
            .that().resideInAPackage("dev.latchkey.trade.template..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.latchkey.trade.build..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule devnetDependsOnlyOnChainAaSession = noClasses()
            .that().resideInAPackage("dev.latchkey.devnet..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.latchkey.keystore..", "dev.latchkey.signer..",
                    "dev.latchkey.trade..", "dev.latchkey.automation..")
            .allowEmptyShould(true)
            .because("the devnet is infrastructure under the wallet, not a user of it");

    @ArchTest
    static final ArchRule onlyAppWiresTheUiAndCli = noClasses()
            .that().resideOutsideOfPackages("dev.latchkey.app..", "dev.latchkey.cli..", "dev.latchkey.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.latchkey.cli..", "dev.latchkey.ui..", "dev.latchkey.app..")
            .allowEmptyShould(true)
            .because("app is the composition root; services never reach up into front ends");

    @ArchTest
    static final ArchRule signerDependsOnlyOnSdkKeystoreAndChainPorts = noClasses()
            .that().resideInAPackage("dev.latchkey.signer..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "dev.latchkey.devnet..",
                    "dev.latchkey.automation..", "dev.latchkey.cli..", "dev.latchkey.ui..", "dev.latchkey.app..")
            .allowEmptyShould(true)
            .because("the background signer is plain Java on session, aa, trade, keystore and chain ports");

    @ArchTest
    static final ArchRule walletIsTheServiceLayerUnderTheFrontEnds = noClasses()
            .that().resideInAPackage("dev.latchkey.wallet..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "dev.latchkey.cli..",
                    "dev.latchkey.ui..", "dev.latchkey.app..", "dev.latchkey.automation..")
            .allowEmptyShould(true)
            .because("the wallet services are plain Java shared by the CLI and the desktop app");

    @ArchTest
    static final ArchRule nothingBelowTheWalletDependsOnIt = noClasses()
            .that().resideInAnyPackage("dev.latchkey.session..", "dev.latchkey.aa..", "dev.latchkey.chain..",
                    "dev.latchkey.keystore..", "dev.latchkey.trade..", "dev.latchkey.signer..", "dev.latchkey.devnet..")
            .should().dependOnClassesThat().resideInAPackage("dev.latchkey.wallet..")
            .allowEmptyShould(true)
            .because("wallet composes the lower layers; they never reach up into it");

    @ArchTest
    static final ArchRule walletUsesTheDevnetOnlyForItsFaucetAndManifest = noClasses()
            .that().resideInAPackage("dev.latchkey.wallet..")
            .should().dependOnClassesThat(resideInAPackage("dev.latchkey.devnet..")
                    .and(not(DescribedPredicate.describe("the devnet's faucet, manifest and locations", (com.tngtech.archunit.core.domain.JavaClass c) ->
                            java.util.Set.of("Manifest", "DevnetFaucet", "Funding", "DevnetConfig", "DevnetKeys", "DevnetException")
                                    .contains(c.getSimpleName())))))
            .allowEmptyShould(true)
            .because("the wallet talks to a devnet like to any network; only funding and the manifest are devnet-specific");

    @ArchTest
    static final ArchRule signerCoreReachesTheNetworkOnlyThroughItsPorts = noClasses()
            .that().resideInAPackage("dev.latchkey.signer")
            .should().dependOnClassesThat().resideInAnyPackage("dev.latchkey.aa.flow..", "dev.latchkey.signer.onchain..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.latchkey.chain.EvmClient")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.latchkey.chain.JsonRpcClient")
            .because("the pipeline is tested with fakes behind ChainView, PolicyStateSource, SessionDefinitions,"
                    + " OperationBuilder and OperationSink; the live adapters live in signer.onchain");

    @ArchTest
    static final ArchRule automationIsPlainJavaFeedingTheSigner = noClasses()
            .that().resideInAPackage("dev.latchkey.automation..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "dev.latchkey.devnet..",
                    "dev.latchkey.cli..", "dev.latchkey.ui..", "dev.latchkey.app..")
            .allowEmptyShould(true)
            .because("automations are plain Java on session, aa, trade, keystore and the signer's ports; front ends wire them");

    @ArchTest
    static final ArchRule automationReadsTheChainOnlyThroughItsAdapter = noClasses()
            .that().resideInAPackage("dev.latchkey.automation")
            .should().dependOnClassesThat().resideInAnyPackage("dev.latchkey.chain..")
            .allowEmptyShould(true)
            .because("the engine reads the chain through the ChainReader port; automation.rpc is the one RPC adapter");

    private static final java.util.Set<String> OWNER_KEY_METHODS = java.util.Set.of("withOwnerKey", "signHashWithOwner",
            "createOwnerKey", "importPrivateKey", "importMnemonic", "importKeystoreV3", "exportKeystoreV3", "ownerKeys",
            "storeEnableSignature", "enableSignature");

    @ArchTest
    static final ArchRule signerNeverTouchesOwnerKeys = noClasses()
            .that().resideInAPackage("dev.latchkey.signer..")
            .should().accessTargetWhere(DescribedPredicate.describe("an owner-key method of KeyVault",
                    (JavaAccess<?> a) -> a.getTargetOwner().isEquivalentTo(dev.latchkey.keystore.KeyVault.class)
                            && OWNER_KEY_METHODS.contains(a.getTarget().getName())))
            .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.latchkey.keystore.KeyMaterial")
            .because("R13: the owner key is used only in the foreground confirmation, never by the background signer");

    @ArchTest
    static final ArchRule automationNeverTouchesOwnerKeys = noClasses()
            .that().resideInAPackage("dev.latchkey.automation..")
            .should().accessTargetWhere(DescribedPredicate.describe("an owner-key method of KeyVault",
                    (JavaAccess<?> a) -> a.getTargetOwner().isEquivalentTo(dev.latchkey.keystore.KeyVault.class)
                            && OWNER_KEY_METHODS.contains(a.getTarget().getName())))
            .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.latchkey.keystore.KeyMaterial")
            .because("R13: automations fire through the signer with session keys; the owner key is never used unattended");

    @ArchTest
    static final ArchRule onlyTheUserOpHandleSignsWithASessionKey = noClasses()
            .that().doNotHaveFullyQualifiedName("dev.latchkey.keystore.SessionSigner")
            .and().doNotHaveFullyQualifiedName("dev.latchkey.keystore.KeyVault")
            .should().accessTargetWhere(DescribedPredicate.describe("KeyVault.signWithSessionKey",
                    (JavaAccess<?> a) -> a.getTargetOwner().isEquivalentTo(dev.latchkey.keystore.KeyVault.class)
                            && a.getTarget().getName().equals("signWithSessionKey")))
            .because("a session key signs only the userOpHash SessionSigner computes itself, never a digest handed to it");

    @ArchTest
    static final ArchRule agentIsHeadless = noClasses()
            .that().resideInAPackage("dev.latchkey.agent..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "dev.latchkey.ui..", "dev.latchkey.app..",
                    "dev.latchkey.cli..", "dev.latchkey.devnet..")
            .allowEmptyShould(true)
            .because("the server agent runs without a display: no JavaFX class is ever loaded (AgentOnDevnetTest checks the class loading too)");

    @ArchTest
    static final ArchRule agentNeverTouchesOwnerKeys = noClasses()
            .that().resideInAPackage("dev.latchkey.agent..")
            .should().accessTargetWhere(DescribedPredicate.describe("an owner-key method of KeyVault",
                    (JavaAccess<?> a) -> a.getTargetOwner().isEquivalentTo(dev.latchkey.keystore.KeyVault.class)
                            && OWNER_KEY_METHODS.contains(a.getTarget().getName())))
            .because("a shared bundle never holds an owner key, and the agent never has one");

    @ArchTest
    static final ArchRule onlyTheBundleWriterLendsASessionKeyOut = noClasses()
            .that().doNotHaveFullyQualifiedName("dev.latchkey.agent.bundle.SessionShare")
            .should().accessTargetWhere(DescribedPredicate.describe("KeyVault.withSessionKeyForSharing",
                    (JavaAccess<?> a) -> a.getTargetOwner().isEquivalentTo(dev.latchkey.keystore.KeyVault.class)
                            && a.getTarget().getName().equals("withSessionKeyForSharing")))
            .because("a session key leaves the vault only sealed into a bundle for one server (issue 16)");

    @ArchTest
    static final ArchRule sqlOnlyInKeystore = noClasses()
            .that().resideOutsideOfPackages("dev.latchkey.keystore..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule web3jProtocolOnlyInChain = noClasses()
            .that().resideOutsideOfPackages("dev.latchkey.chain..", "dev.latchkey.app..")
            .should().dependOnClassesThat().resideInAnyPackage("org.web3j.protocol..", "okhttp3..")
            .allowEmptyShould(true)
            .because("the chain package is the one adapter to RPC");
}
