// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {TestBase} from "../utils/TestBase.sol";
import {ISmartSession} from "../../../main/solidity/smartsession/interfaces/ISmartSession.sol";
import {
    IUserOpPolicy,
    IActionPolicy,
    I1271Policy,
    IPolicy
} from "../../../main/solidity/smartsession/interfaces/IPolicy.sol";
import {ExecutionLib} from "../../../main/solidity/smartsession/lib/ExecutionLib.sol";
import {IdLib} from "../../../main/solidity/smartsession/lib/IdLib.sol";
import {SmartSession} from "../../../main/solidity/smartsession/SmartSession.sol";
import {ISessionValidator} from "../../../main/solidity/smartsession/interfaces/ISessionValidator.sol";
import "../../../main/solidity/smartsession/DataTypes.sol";

/// @dev The external interface must match the canonical selectors of spec §1.5.
contract SelectorsTest is TestBase {
    function test_functionSelectorsMatchSpec() public pure {
        vm.assertEq(uint32(ISmartSession.validateUserOp.selector), 0x97003203, "validateUserOp");
        vm.assertEq(uint32(ISmartSession.isValidSignatureWithSender.selector), 0xf551e2ee, "isValidSignatureWithSender");
        vm.assertEq(uint32(ISmartSession.onInstall.selector), 0x6d61fe70, "onInstall");
        vm.assertEq(uint32(ISmartSession.onUninstall.selector), 0x8a91b0e3, "onUninstall");
        vm.assertEq(uint32(ISmartSession.isInitialized.selector), 0xd60b347f, "isInitialized");
        vm.assertEq(uint32(ISmartSession.isModuleType.selector), 0xecd05961, "isModuleType");
        vm.assertEq(uint32(ISmartSession.enableSessions.selector), 0x21712407, "enableSessions");
        vm.assertEq(uint32(ISmartSession.removeSession.selector), 0xf867b08e, "removeSession");
        vm.assertEq(uint32(ISmartSession.enableUserOpPolicies.selector), 0x454c9d82, "enableUserOpPolicies");
        vm.assertEq(uint32(ISmartSession.disableUserOpPolicies.selector), 0xd056b06d, "disableUserOpPolicies");
        vm.assertEq(uint32(ISmartSession.enableActionPolicies.selector), 0x4e33ad2e, "enableActionPolicies");
        vm.assertEq(uint32(ISmartSession.disableActionPolicies.selector), 0x6e79eee0, "disableActionPolicies");
        vm.assertEq(uint32(ISmartSession.disableActionId.selector), 0x96e72962, "disableActionId");
        vm.assertEq(uint32(ISmartSession.enableERC1271Policies.selector), 0xf5297b77, "enableERC1271Policies");
        vm.assertEq(uint32(ISmartSession.disableERC1271Policies.selector), 0x02a1a4cd, "disableERC1271Policies");
        vm.assertEq(uint32(ISmartSession.setPermit4337Paymaster.selector), 0x2e644d8d, "setPermit4337Paymaster");
        vm.assertEq(uint32(ISmartSession.revokeEnableSignature.selector), 0xf9b80369, "revokeEnableSignature");
        vm.assertEq(uint32(ISmartSession.getNonce.selector), 0x795f9269, "getNonce");
        vm.assertEq(uint32(ISmartSession.getPermissionId.selector), 0x1be1fffb, "getPermissionId");
        vm.assertEq(uint32(ISmartSession.getSessionDigest.selector), 0x05defba6, "getSessionDigest");
        vm.assertEq(uint32(ISmartSession.isPermissionEnabled.selector), 0xadbc532f, "isPermissionEnabled");
        vm.assertEq(uint32(ISmartSession.getPermissionIDs.selector), 0x7373f181, "getPermissionIDs");
        vm.assertEq(
            uint32(ISmartSession.getSessionValidatorAndConfig.selector), 0x496c8a91, "getSessionValidatorAndConfig"
        );
    }

    function test_signaturesSpelledOut() public pure {
        vm.assertEq(
            uint32(ISmartSession.disableERC1271Policies.selector),
            uint32(bytes4(keccak256("disableERC1271Policies(bytes32,address[],(bytes32,string[])[])"))),
            "disableERC1271Policies signature"
        );
        vm.assertEq(
            uint32(ISmartSession.getSessionDigest.selector),
            uint32(
                bytes4(
                    keccak256(
                        "getSessionDigest(bytes32,address,(address,bytes,bytes32,(address,bytes)[],((bytes32,string[])[],(address,bytes)[]),(bytes4,address,(address,bytes)[])[],bool),uint8)"
                    )
                )
            ),
            "getSessionDigest signature"
        );
    }

    function test_errorSelectors() public pure {
        vm.assertEq(uint32(ExecutionLib.DecodingError.selector), 0xba597e7e, "DecodingError");
        vm.assertEq(uint32(ISmartSession.DecodingError.selector), 0xba597e7e, "DecodingError (interface)");
        vm.assertEq(uint32(ISmartSession.PolicyCheckReverted.selector), 0xf4270752, "PolicyCheckReverted");
        vm.assertEq(
            uint32(ISmartSession.UnsupportedCallType.selector),
            uint32(bytes4(keccak256("UnsupportedCallType(bytes1)"))),
            "UnsupportedCallType"
        );
    }

    function test_policyInterfaceIds() public pure {
        vm.assertEq(uint32(type(IUserOpPolicy).interfaceId), 0x7129edce, "IUserOpPolicy");
        vm.assertEq(uint32(type(IActionPolicy).interfaceId), 0x05c00895, "IActionPolicy");
        vm.assertEq(uint32(type(I1271Policy).interfaceId), 0xcbf34505, "I1271Policy");
        vm.assertEq(uint32(IPolicy.initializeWithMultiplexer.selector), 0x989c9e46, "initializeWithMultiplexer");
    }

    function test_fallbackActionIds() public pure {
        vm.assertEq(
            ActionId.unwrap(IdLib.toActionId(FALLBACK_TARGET_FLAG, FALLBACK_TARGET_SELECTOR_FLAG)),
            ActionId.unwrap(FALLBACK_ACTIONID),
            "FALLBACK_ACTIONID"
        );
        vm.assertEq(
            ActionId.unwrap(
                IdLib.toActionId(FALLBACK_TARGET_FLAG, FALLBACK_TARGET_SELECTOR_FLAG_PERMITTED_TO_CALL_SMARTSESSION)
            ),
            ActionId.unwrap(FALLBACK_ACTIONID_SMARTSESSION_CALL),
            "FALLBACK_ACTIONID_SMARTSESSION_CALL"
        );
    }

    function test_idDerivations() public pure {
        PermissionId pid = PermissionId.wrap(keccak256("pid"));
        address acct = address(0x1234);
        vm.assertEq(
            Erc1271PolicyId.unwrap(IdLib.toErc1271PolicyId(pid)),
            keccak256(abi.encodePacked(hex"455243313237313a20", PermissionId.unwrap(pid))),
            "Erc1271PolicyId"
        );
        vm.assertEq(
            ConfigId.unwrap(IdLib.userOpConfigId(acct, pid)),
            keccak256(abi.encodePacked(acct, PermissionId.unwrap(pid))),
            "userOp configId"
        );
        ActionId aid = IdLib.toActionId(address(0xBEEF), 0xa9059cbb);
        vm.assertEq(
            ConfigId.unwrap(IdLib.actionConfigId(acct, pid, aid)),
            keccak256(
                abi.encodePacked(acct, keccak256(abi.encodePacked(PermissionId.unwrap(pid), ActionId.unwrap(aid))))
            ),
            "action configId"
        );
    }

    function test_permissionIdFormula() public pure {
        Session memory s;
        s.sessionValidator = ISessionValidator(address(0x5E55));
        s.sessionValidatorInitData = hex"c0ffee";
        s.salt = keccak256("salt");
        vm.assertEq(
            PermissionId.unwrap(IdLib.toPermissionId(s)),
            keccak256(abi.encode(address(0x5E55), hex"c0ffee", keccak256("salt"))),
            "permissionId"
        );
    }

    function test_fitsEip170() public {
        SmartSession ss = new SmartSession();
        vm.assertLe(address(ss).code.length, 24576, "SmartSession runtime code exceeds EIP-170");
    }

    function test_isModuleType() public {
        SmartSession ss = new SmartSession();
        vm.assertTrue(ss.isModuleType(1), "validator");
        vm.assertFalse(ss.isModuleType(2), "executor");
        vm.assertFalse(ss.isModuleType(7), "stateless validator");
    }
}
