// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {PackedUserOperation} from "@openzeppelin/contracts/interfaces/IERC4337.sol";
import {IERC7579Execution, Execution} from "@openzeppelin/contracts/interfaces/draft-IERC7579.sol";
import {TestBase} from "../utils/TestBase.sol";
import {SmartSession} from "../../../main/solidity/smartsession/SmartSession.sol";
import {ISmartSession} from "../../../main/solidity/smartsession/interfaces/ISmartSession.sol";
import {ISessionValidator} from "../../../main/solidity/smartsession/interfaces/ISessionValidator.sol";
import {EncodeLib} from "../../../main/solidity/smartsession/lib/EncodeLib.sol";
import {HashLib} from "../../../main/solidity/smartsession/lib/HashLib.sol";
import "../../../main/solidity/smartsession/DataTypes.sol";
import {EcdsaSessionValidatorFixture} from "./fixtures/EcdsaSessionValidatorFixture.sol";
import {ConfigurablePolicyFixture} from "./fixtures/PolicyFixtures.sol";
import {TestAccountFixture} from "./fixtures/TestAccountFixture.sol";

/// @dev Shared setup of the SmartSession suites: module, account, ECDSA session validator, policies and builders.
abstract contract SmartSessionTestBase is TestBase {
    SmartSession internal smartSession;
    EcdsaSessionValidatorFixture internal validator;
    TestAccountFixture internal account;
    ConfigurablePolicyFixture internal policyA;
    ConfigurablePolicyFixture internal policyB;

    address internal owner;
    uint256 internal ownerKey;
    address internal sessionKey;
    uint256 internal sessionKeyPk;

    address internal constant TARGET = address(0xBEEF);
    bytes4 internal constant TRANSFER_SELECTOR = 0xa9059cbb;
    bytes32 internal constant USER_OP_HASH = keccak256("a user operation");

    function setUp() public virtual {
        (owner, ownerKey) = makeKey("owner");
        (sessionKey, sessionKeyPk) = makeKey("session");
        smartSession = new SmartSession();
        validator = new EcdsaSessionValidatorFixture();
        account = new TestAccountFixture(owner);
        policyA = new ConfigurablePolicyFixture();
        policyB = new ConfigurablePolicyFixture();
    }

    // ---- session builders --------------------------------------------------------------------------------------

    function _policies(address p) internal pure returns (PolicyData[] memory ps) {
        ps = new PolicyData[](1);
        ps[0] = PolicyData(p, "");
    }

    function _action(address target, bytes4 selector, address policy) internal pure returns (ActionData memory) {
        return ActionData(selector, target, _policies(policy));
    }

    /// @dev A session of `sessionKey` with one action (TARGET, transfer) guarded by policyA and no userOp policies.
    function _session(bytes32 salt) internal view returns (Session memory s) {
        s.sessionValidator = ISessionValidator(address(validator));
        s.sessionValidatorInitData = abi.encode(sessionKey);
        s.salt = salt;
        s.actions = new ActionData[](1);
        s.actions[0] = _action(TARGET, TRANSFER_SELECTOR, address(policyA));
    }

    function _one(Session memory s) internal pure returns (Session[] memory ss) {
        ss = new Session[](1);
        ss[0] = s;
    }

    function _enable(Session memory s) internal returns (PermissionId pid) {
        vm.prank(address(account));
        pid = smartSession.enableSessions(_one(s))[0];
    }

    // ---- user operations ---------------------------------------------------------------------------------------

    function _execSingle(address target, uint256 value, bytes memory data) internal pure returns (bytes memory) {
        return abi.encodeCall(IERC7579Execution.execute, (bytes32(0), abi.encodePacked(target, value, data)));
    }

    function _execMode(bytes32 mode, bytes memory executionCalldata) internal pure returns (bytes memory) {
        return abi.encodeCall(IERC7579Execution.execute, (mode, executionCalldata));
    }

    function _execBatch(Execution[] memory executions) internal pure returns (bytes memory) {
        return abi.encodeCall(IERC7579Execution.execute, (bytes32(uint256(1) << 248), abi.encode(executions)));
    }

    function _transferCall() internal pure returns (bytes memory) {
        return _execSingle(TARGET, 0, abi.encodeWithSelector(TRANSFER_SELECTOR, address(0xCAFE), 1 ether));
    }

    function _userOp(bytes memory callData, bytes memory signature)
        internal
        view
        returns (PackedUserOperation memory op)
    {
        op.sender = address(account);
        op.callData = callData;
        op.signature = signature;
    }

    function _sign(uint256 pk, bytes32 hash) internal pure returns (bytes memory) {
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(pk, hash);
        return abi.encodePacked(r, s, v);
    }

    function _useSig(PermissionId pid) internal view returns (bytes memory) {
        return EncodeLib.encodeUse(pid, _sign(sessionKeyPk, USER_OP_HASH));
    }

    function _validate(PackedUserOperation memory op) internal returns (uint256) {
        vm.prank(address(account));
        return smartSession.validateUserOp(op, USER_OP_HASH);
    }

    /// @dev validateUserOp expecting a revert with exactly `err`.
    function _validateReverts(PackedUserOperation memory op, bytes memory err) internal {
        vm.expectRevert(err);
        vm.prank(address(account));
        smartSession.validateUserOp(op, USER_OP_HASH);
    }

    uint256 internal constant VALID_NO_BOUNDS = uint256(0xffffffffffff) << 160;
}
