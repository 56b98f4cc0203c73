// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {TestBase} from "../utils/TestBase.sol";
import {Vm} from "../utils/Vm.sol";
import {EntryPointDeployer} from "../utils/EntryPointDeployer.sol";
import {IEntryPointV07} from "../utils/IEntryPointV07.sol";
import {UserOpBuilder} from "../utils/UserOpBuilder.sol";
import {IEntryPoint, PackedUserOperation} from "@openzeppelin/contracts/interfaces/IERC4337.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {LibZip} from "solady/utils/LibZip.sol";
import {LatchkeyAccount} from "../../../main/solidity/account/LatchkeyAccount.sol";
import {LatchkeyAccountFactory} from "../../../main/solidity/account/LatchkeyAccountFactory.sol";
import {OwnableValidator} from "../../../main/solidity/validators/OwnableValidator.sol";
import {WebAuthnValidator} from "../../../main/solidity/validators/WebAuthnValidator.sol";
import {TestToken} from "../../../main/solidity/devnet/TestToken.sol";
import {SmartSession} from "../../../main/solidity/smartsession/SmartSession.sol";
import {ISmartSession} from "../../../main/solidity/smartsession/interfaces/ISmartSession.sol";
import {ISessionValidator} from "../../../main/solidity/smartsession/interfaces/ISessionValidator.sol";
import {HashLib} from "../../../main/solidity/smartsession/lib/HashLib.sol";
import {IdLib} from "../../../main/solidity/smartsession/lib/IdLib.sol";
import {SudoPolicy} from "../../../main/solidity/policies/SudoPolicy.sol";
import {UniActionPolicy} from "../../../main/solidity/policies/UniActionPolicy.sol";
import {ERC20SpendingLimitPolicy} from "../../../main/solidity/policies/ERC20SpendingLimitPolicy.sol";
import {TimeFramePolicy} from "../../../main/solidity/policies/TimeFramePolicy.sol";
import {UsageLimitPolicy} from "../../../main/solidity/policies/UsageLimitPolicy.sol";
import {ValueLimitPolicy} from "../../../main/solidity/policies/ValueLimitPolicy.sol";
import {PeriodicSpendingLimitPolicy} from "../../../main/solidity/policies/PeriodicSpendingLimitPolicy.sol";
import {RateLimitPolicy} from "../../../main/solidity/policies/RateLimitPolicy.sol";
import {GasCostLimitPolicy} from "../../../main/solidity/policies/GasCostLimitPolicy.sol";
import {OperationDeadlinePolicy} from "../../../main/solidity/policies/OperationDeadlinePolicy.sol";
import "../../../main/solidity/smartsession/DataTypes.sol";

/// @dev Shared setup of the end-to-end suites: the real EntryPoint v0.7 (npm artifact at the canonical address),
///      SmartSession, all nine policies, OwnableValidator (owner + ECDSA session keys), WebAuthnValidator, the
///      account factory and a 6-decimals "USDC". Nothing is mocked: every user operation goes through
///      EntryPoint.handleOps → LatchkeyAccount.validateUserOp → validator module → policies, then execution.
abstract contract E2EBase is TestBase {
    IEntryPointV07 internal ep;
    SmartSession internal smartSession;
    OwnableValidator internal ownable;
    WebAuthnValidator internal webAuthn;
    LatchkeyAccountFactory internal factory;
    TestToken internal usdc;
    TestToken internal dai; // a second token: the "wrong target" of USDC-only sessions

    SudoPolicy internal sudo;
    UniActionPolicy internal uniAction;
    ERC20SpendingLimitPolicy internal erc20Limit;
    TimeFramePolicy internal timeFrame;
    UsageLimitPolicy internal usageLimit;
    ValueLimitPolicy internal valueLimit;
    PeriodicSpendingLimitPolicy internal periodic;
    RateLimitPolicy internal rateLimit;
    GasCostLimitPolicy internal gasCost;
    OperationDeadlinePolicy internal deadline;

    address internal owner;
    uint256 internal ownerKey;
    address internal sessionKey;
    uint256 internal sessionKeyPk;
    address payable internal bundler = payable(address(0xB0B));
    address internal recipient = address(0xCAFE);

    bytes32 internal constant ACCOUNT_SALT = bytes32(uint256(7));
    bytes internal ownerInit;
    bytes internal constant SMART_SESSION_INIT = "";
    address internal account;

    uint256 internal constant USDC_START = 1_000e6;
    uint256 internal constant ETH_START = 10 ether;
    bytes4 internal constant TRANSFER = IERC20.transfer.selector;
    string internal constant AA23 = "AA23 reverted";

    function setUp() public virtual {
        vm.warp(1_750_000_000);
        ep = EntryPointDeployer.deployAtCanonical();
        smartSession = new SmartSession();
        ownable = new OwnableValidator();
        webAuthn = new WebAuthnValidator();
        factory = new LatchkeyAccountFactory(IEntryPoint(address(ep)), address(ownable), address(smartSession));
        usdc = new TestToken("USD Coin", "USDC", 6);
        dai = new TestToken("Dai", "DAI", 18);
        sudo = new SudoPolicy();
        uniAction = new UniActionPolicy();
        erc20Limit = new ERC20SpendingLimitPolicy();
        timeFrame = new TimeFramePolicy();
        usageLimit = new UsageLimitPolicy();
        valueLimit = new ValueLimitPolicy();
        periodic = new PeriodicSpendingLimitPolicy();
        rateLimit = new RateLimitPolicy();
        gasCost = new GasCostLimitPolicy();
        deadline = new OperationDeadlinePolicy();

        (owner, ownerKey) = makeKey("e2e-owner");
        (sessionKey, sessionKeyPk) = makeKey("e2e-session");
        ownerInit = abi.encode(uint256(1), _addrs(owner));
        account = factory.getAddress(ACCOUNT_SALT, ownerInit, SMART_SESSION_INIT);

        usdc.mint(account, USDC_START);
        dai.mint(account, 1_000e18);
        vm.deal(account, ETH_START);

        vm.label(address(smartSession), "SmartSession");
        vm.label(address(ownable), "OwnableValidator");
        vm.label(account, "LatchkeyAccount");
        vm.label(address(usdc), "USDC");
    }

    // ---- deployment -----------------------------------------------------------------------------------------------

    function _initCode() internal view returns (bytes memory) {
        return abi.encodePacked(
            address(factory),
            abi.encodeCall(LatchkeyAccountFactory.createAccount, (ACCOUNT_SALT, ownerInit, SMART_SESSION_INIT))
        );
    }

    /// @dev Deploys the account directly through the factory (not through a user operation).
    function _deployAccount() internal {
        address deployed = factory.createAccount(ACCOUNT_SALT, ownerInit, SMART_SESSION_INIT);
        vm.assertEq(deployed, account, "factory address");
    }

    // ---- small builders -------------------------------------------------------------------------------------------

    function _addrs(address a) internal pure returns (address[] memory xs) {
        xs = new address[](1);
        xs[0] = a;
    }

    function _uints(uint256 a) internal pure returns (uint256[] memory xs) {
        xs = new uint256[](1);
        xs[0] = a;
    }

    function _pol(address p, bytes memory init) internal pure returns (PolicyData[] memory ps) {
        ps = new PolicyData[](1);
        ps[0] = PolicyData(p, init);
    }

    function _pol2(address p1, bytes memory i1, address p2, bytes memory i2)
        internal
        pure
        returns (PolicyData[] memory ps)
    {
        ps = new PolicyData[](2);
        ps[0] = PolicyData(p1, i1);
        ps[1] = PolicyData(p2, i2);
    }

    function _act(address target, bytes4 selector, PolicyData[] memory ps)
        internal
        pure
        returns (ActionData[] memory as_)
    {
        as_ = new ActionData[](1);
        as_[0] = ActionData(selector, target, ps);
    }

    /// @dev A session whose signer is `key` through OwnableValidator (threshold 1), no policies yet.
    function _ecdsaSession(address key, bytes32 salt) internal view returns (Session memory s) {
        s.sessionValidator = ISessionValidator(address(ownable));
        s.sessionValidatorInitData = abi.encode(uint256(1), _addrs(key));
        s.salt = salt;
    }

    function _pid(Session memory s) internal pure returns (PermissionId) {
        return IdLib.toPermissionId(s);
    }

    function _actionCfg(PermissionId pid, address target, bytes4 selector) internal view returns (ConfigId) {
        return IdLib.actionConfigId(account, pid, IdLib.toActionId(target, selector));
    }

    function _userOpCfg(PermissionId pid) internal view returns (ConfigId) {
        return IdLib.userOpConfigId(account, pid);
    }

    // ---- call data ------------------------------------------------------------------------------------------------

    function _transfer(address token, address to, uint256 amount) internal pure returns (bytes memory) {
        return UserOpBuilder.executeSingle(token, 0, abi.encodeCall(IERC20.transfer, (to, amount)));
    }

    function _usdcTransfer(address to, uint256 amount) internal view returns (bytes memory) {
        return _transfer(address(usdc), to, amount);
    }

    function _callSmartSession(bytes memory data) internal view returns (bytes memory) {
        return UserOpBuilder.executeSingle(address(smartSession), 0, data);
    }

    // ---- user operations ------------------------------------------------------------------------------------------

    function _nonce(address validator) internal view returns (uint256) {
        return ep.getNonce(account, UserOpBuilder.validatorNonceKey(validator));
    }

    function _hash(PackedUserOperation memory op) internal view returns (bytes32) {
        bytes32 h = ep.getUserOpHash(op);
        vm.assertEq(h, UserOpBuilder.hashV07(op, address(ep), block.chainid), "v0.7 userOpHash");
        return h;
    }

    /// @dev Owner op (nonce key = OwnableValidator): personal_sign(userOpHash).
    function _ownerOp(bytes memory initCode, bytes memory callData) internal view returns (PackedUserOperation memory op) {
        op = UserOpBuilder.build(account, _nonce(address(ownable)), initCode, callData);
        op.signature = UserOpBuilder.signPersonal(ownerKey, _hash(op));
    }

    /// @dev Owner op with explicit gas limits (re-signed).
    function _ownerOpGas(bytes memory callData, uint128 verificationGas, uint128 callGas)
        internal
        view
        returns (PackedUserOperation memory op)
    {
        op = UserOpBuilder.build(account, _nonce(address(ownable)), "", callData);
        op.accountGasLimits = UserOpBuilder.packGasLimits(verificationGas, callGas);
        op.signature = UserOpBuilder.signPersonal(ownerKey, _hash(op));
    }

    /// @dev Unsigned session op (nonce key = SmartSession, spec §7.2).
    function _sessionOp(bytes memory initCode, bytes memory callData) internal view returns (PackedUserOperation memory op) {
        op = UserOpBuilder.build(account, _nonce(address(smartSession)), initCode, callData);
    }

    /// @dev USE mode: 0x00 ‖ permissionId ‖ raw ECDSA signature of the session key over userOpHash.
    function _useOp(PermissionId pid, bytes memory callData, uint256 pk) internal view returns (PackedUserOperation memory op) {
        op = _sessionOp("", callData);
        op.signature = _useSig(pid, UserOpBuilder.signRaw(pk, _hash(op)));
    }

    function _useSig(PermissionId pid, bytes memory sessionSig) internal pure returns (bytes memory) {
        return abi.encodePacked(uint8(SmartSessionMode.USE), PermissionId.unwrap(pid), sessionSig);
    }

    /// @dev ENABLE mode: 0x01 ‖ flzCompress(abi.encode(EnableSession, sessionSig)).
    function _enableSig(EnableSession memory es, bytes memory sessionSig) internal pure returns (bytes memory) {
        return abi.encodePacked(uint8(SmartSessionMode.ENABLE), LibZip.flzCompress(abi.encode(es, sessionSig)));
    }

    /// @dev The owner signs the multichain digest once: permissionEnableSig = OwnableValidator ‖ raw ECDSA (65).
    function _signEnable(Session memory s, uint64[] memory chainIds) internal view returns (EnableSession memory es) {
        PermissionId pid = _pid(s);
        bytes32 d = smartSession.getSessionDigest(pid, account, s, SmartSessionMode.ENABLE);
        // the per-chain digest is independent of the chain id: it commits to account, module, mode and nonce
        vm.assertEq(
            d,
            HashLib.sessionDigest(s, account, address(smartSession), SmartSessionMode.ENABLE, smartSession.getNonce(pid, account)),
            "session digest"
        );
        es.hashesAndChainIds = new ChainDigest[](chainIds.length);
        for (uint256 i; i < chainIds.length; ++i) {
            es.hashesAndChainIds[i] = ChainDigest(chainIds[i], d);
        }
        es.sessionToEnable = s;
        es.permissionEnableSig = abi.encodePacked(
            address(ownable), UserOpBuilder.signRaw(ownerKey, HashLib.multichainDigest(es.hashesAndChainIds))
        );
    }

    function _signEnableHere(Session memory s) internal view returns (EnableSession memory) {
        uint64[] memory ids = new uint64[](1);
        ids[0] = uint64(block.chainid);
        return _signEnable(s, ids);
    }

    /// @dev A session op in ENABLE mode; the session key signs the userOpHash.
    function _enableOp(bytes memory initCode, EnableSession memory es, bytes memory callData, uint256 pk)
        internal
        view
        returns (PackedUserOperation memory op)
    {
        op = _sessionOp(initCode, callData);
        op.accountGasLimits = UserOpBuilder.packGasLimits(1_500_000, 300_000);
        op.signature = _enableSig(es, UserOpBuilder.signRaw(pk, _hash(op)));
    }

    // ---- EntryPoint ----------------------------------------------------------------------------------------------

    function _ops(PackedUserOperation memory op) internal pure returns (PackedUserOperation[] memory ops) {
        ops = new PackedUserOperation[](1);
        ops[0] = op;
    }

    /// @dev handleOps, returning the UserOperationEvent's success flag (asserted true) and actualGasUsed.
    function _handle(PackedUserOperation memory op) internal returns (uint256 actualGasUsed) {
        bool success;
        (, actualGasUsed, success) = _handleMeasured(op);
        vm.assertTrue(success, "user operation succeeded");
    }

    /// @dev (gasleft delta around handleOps, UserOperationEvent.actualGasUsed, UserOperationEvent.success).
    function _handleMeasured(PackedUserOperation memory op)
        internal
        returns (uint256 callGas, uint256 actualGasUsed, bool success)
    {
        PackedUserOperation[] memory ops = _ops(op);
        vm.recordLogs();
        vm.prank(bundler, bundler);
        uint256 g = gasleft();
        ep.handleOps(ops, bundler);
        callGas = g - gasleft();
        Vm.Log[] memory logs = vm.getRecordedLogs();
        uint256 seen;
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].emitter == address(ep) && logs[i].topics[0] == IEntryPointV07.UserOperationEvent.selector) {
                (, success,, actualGasUsed) = abi.decode(logs[i].data, (uint256, bool, uint256, uint256));
                ++seen;
            }
        }
        vm.assertEq(seen, 1, "one UserOperationEvent");
    }

    /// @dev handleOps must revert with FailedOpWithRevert(0, "AA23 reverted", inner) — validation reverted in the
    ///      account / SmartSession / a policy — where `inner` is exactly the given error.
    function _expectAA23(PackedUserOperation memory op, bytes memory inner) internal {
        _expectHandleOpsRevert(op, abi.encodeWithSelector(IEntryPointV07.FailedOpWithRevert.selector, 0, AA23, inner));
    }

    /// @dev handleOps must revert with FailedOp(0, reason) (e.g. AA22 expired, AA24 signature error).
    function _expectFailedOp(PackedUserOperation memory op, string memory reason) internal {
        _expectHandleOpsRevert(op, abi.encodeWithSelector(IEntryPointV07.FailedOp.selector, 0, reason));
    }

    function _expectHandleOpsRevert(PackedUserOperation memory op, bytes memory err) internal {
        PackedUserOperation[] memory ops = _ops(op);
        vm.expectRevert(err);
        vm.prank(bundler, bundler);
        ep.handleOps(ops, bundler);
    }

    function _policyViolation(PermissionId pid, address policy) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(ISmartSession.PolicyViolation.selector, pid, policy);
    }

    /// @dev Enables `s` through an owner-signed user operation calling SmartSession.enableSessions (the account must
    ///      be deployed).
    function _enableViaOwner(Session memory s) internal returns (PermissionId pid) {
        Session[] memory ss = new Session[](1);
        ss[0] = s;
        _handle(_ownerOpGas(_callSmartSession(abi.encodeCall(ISmartSession.enableSessions, (ss))), 200_000, 3_000_000));
        pid = _pid(s);
        vm.assertTrue(smartSession.isPermissionEnabled(pid, account), "enabled by owner op");
    }
}
