// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {PolicyTestBase} from "./PolicyTestBase.sol";
import {ConfigId} from "../../../main/solidity/smartsession/DataTypes.sol";
import {IPolicy} from "../../../main/solidity/smartsession/interfaces/IPolicy.sol";
import {SudoPolicy} from "../../../main/solidity/policies/SudoPolicy.sol";

contract SudoPolicyTest is PolicyTestBase {
    SudoPolicy internal policy;

    function setUp() public {
        policy = new SudoPolicy();
    }

    function test_init_emitsPolicySet() public {
        vm.expectEmit(address(policy));
        emit IPolicy.PolicySet(CID, MUX, ACCOUNT);
        vm.prank(MUX);
        policy.initializeWithMultiplexer(ACCOUNT, CID, hex"");
    }

    function test_checks_alwaysSucceed() public {
        vm.prank(MUX);
        vm.assertEq(policy.checkUserOpPolicy(CID, _userOp(ACCOUNT, hex"deadbeef")), 0, "userOp");
        vm.assertEq(policy.checkAction(CID, ACCOUNT, address(0xBEEF), 1 ether, hex"a9059cbb"), 0, "action");
        vm.assertTrue(policy.check1271SignedAction(CID, address(1), ACCOUNT, bytes32(0), hex""), "1271");
    }

    function testFuzz_checks_alwaysSucceed(bytes32 id, address acct, address target, uint256 value, bytes memory data)
        public
        view
    {
        vm.assertEq(policy.checkAction(_cid(id), acct, target, value, data), 0, "action");
        vm.assertEq(policy.checkUserOpPolicy(_cid(id), _userOp(acct, data)), 0, "userOp");
        vm.assertTrue(policy.check1271SignedAction(_cid(id), target, acct, id, data), "1271");
    }

    function test_erc165() public view {
        _assertInterfaces(address(policy), true, true, true);
    }

    function _cid(bytes32 id) internal pure returns (ConfigId) {
        return ConfigId.wrap(id);
    }
}
