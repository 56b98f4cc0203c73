// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {TestBase} from "../utils/TestBase.sol";
import {PackedUserOperation} from "@openzeppelin/contracts/interfaces/IERC4337.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {ConfigId} from "../../../main/solidity/smartsession/DataTypes.sol";

/// @dev Shared helpers for the policy suites: actors, config ids, user operations and ERC-165 probing.
abstract contract PolicyTestBase is TestBase {
    address internal constant MUX = address(0x5E5510);
    address internal constant MUX2 = address(0x5E5511);
    address internal constant ACCOUNT = address(0xACC0);
    address internal constant ACCOUNT2 = address(0xACC1);

    bytes4 internal constant IERC165_ID = 0x01ffc9a7;
    bytes4 internal constant IPOLICY_ID = 0x989c9e46;
    bytes4 internal constant IUSEROP_ID = 0x7129edce;
    bytes4 internal constant IACTION_ID = 0x05c00895;
    bytes4 internal constant I1271_ID = 0xcbf34505;

    ConfigId internal constant CID = ConfigId.wrap(keccak256("config-1"));
    ConfigId internal constant CID2 = ConfigId.wrap(keccak256("config-2"));

    /// @dev Asserts the exact ERC-165 answer set of a policy.
    function _assertInterfaces(address policy, bool userOp, bool action, bool erc1271) internal view {
        IERC165 p = IERC165(policy);
        vm.assertTrue(p.supportsInterface(IERC165_ID), "IERC165");
        vm.assertTrue(p.supportsInterface(IPOLICY_ID), "IPolicy");
        vm.assertEq(p.supportsInterface(IUSEROP_ID), userOp, "IUserOpPolicy");
        vm.assertEq(p.supportsInterface(IACTION_ID), action, "IActionPolicy");
        vm.assertEq(p.supportsInterface(I1271_ID), erc1271, "I1271Policy");
        vm.assertFalse(p.supportsInterface(0xffffffff), "0xffffffff");
        vm.assertFalse(p.supportsInterface(0x12345678), "random id");
    }

    /// @dev A user operation from `sender` with the given callData and zero gas fields.
    function _userOp(address sender, bytes memory callData) internal pure returns (PackedUserOperation memory op) {
        op.sender = sender;
        op.callData = callData;
    }

    function _packHiLo(uint256 hi, uint256 lo) internal pure returns (bytes32) {
        // forge-lint: disable-next-line(unsafe-typecast)
        return bytes32((hi << 128) | uint128(lo));
    }
}
