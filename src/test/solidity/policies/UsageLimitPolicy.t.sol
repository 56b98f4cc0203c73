// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {PolicyTestBase} from "./PolicyTestBase.sol";
import {ConfigId} from "../../../main/solidity/smartsession/DataTypes.sol";
import {IPolicy} from "../../../main/solidity/smartsession/interfaces/IPolicy.sol";
import {UsageLimitPolicy} from "../../../main/solidity/policies/UsageLimitPolicy.sol";

contract UsageLimitPolicyTest is PolicyTestBase {
    UsageLimitPolicy internal policy;

    function setUp() public {
        policy = new UsageLimitPolicy();
    }

    function _init(address mux, address account, ConfigId id, uint128 limit) internal {
        vm.prank(mux);
        policy.initializeWithMultiplexer(account, id, abi.encodePacked(limit));
    }

    function _useAction(address mux, address account, ConfigId id) internal returns (uint256) {
        vm.prank(mux);
        return policy.checkAction(id, account, address(0xBEEF), 0, hex"");
    }

    function _useOp(address mux, address account, ConfigId id) internal returns (uint256) {
        vm.prank(mux);
        return policy.checkUserOpPolicy(id, _userOp(account, hex""));
    }

    function test_init_storesAndEmits() public {
        vm.expectEmit(address(policy));
        emit IPolicy.PolicySet(CID, MUX, ACCOUNT);
        _init(MUX, ACCOUNT, CID, 3);
        uint128 used = policy.getUsed(CID, MUX, ACCOUNT);
        uint128 limit = policy.getUsageLimit(CID, MUX, ACCOUNT);
        vm.assertEq(used, 0, "used");
        vm.assertEq(limit, 3, "limit");
    }

    function test_init_revertsOnZeroLimit() public {
        vm.expectRevert(abi.encodeWithSelector(UsageLimitPolicy.InvalidLimit.selector, 0));
        _init(MUX, ACCOUNT, CID, 0);
    }

    function test_init_revertsOnShortData() public {
        vm.expectRevert(UsageLimitPolicy.InvalidInitDataLength.selector);
        vm.prank(MUX);
        policy.initializeWithMultiplexer(ACCOUNT, CID, new bytes(15));
    }

    function test_passThenFail_sharedBetweenUserOpAndAction() public {
        _init(MUX, ACCOUNT, CID, 3);
        vm.assertEq(_useOp(MUX, ACCOUNT, CID), 0, "1");
        vm.assertEq(_useAction(MUX, ACCOUNT, CID), 0, "2");
        vm.assertEq(_useOp(MUX, ACCOUNT, CID), 0, "3");
        vm.assertEq(_useAction(MUX, ACCOUNT, CID), 1, "4 > 3");
        vm.assertEq(_useOp(MUX, ACCOUNT, CID), 1, "still exhausted");
        uint128 used = policy.getUsed(CID, MUX, ACCOUNT);
        vm.assertEq(used, 3, "used stays 3");
    }

    function test_uninitialized_fails() public {
        vm.assertEq(_useAction(MUX, ACCOUNT, CID), 1, "limit 0");
    }

    function test_reinit_resetsUsed() public {
        _init(MUX, ACCOUNT, CID, 1);
        vm.assertEq(_useAction(MUX, ACCOUNT, CID), 0, "use");
        vm.assertEq(_useAction(MUX, ACCOUNT, CID), 1, "exhausted");
        _init(MUX, ACCOUNT, CID, 1);
        uint128 used = policy.getUsed(CID, MUX, ACCOUNT);
        vm.assertEq(used, 0, "reset");
        vm.assertEq(_useAction(MUX, ACCOUNT, CID), 0, "usable again");
    }

    function test_isolation_betweenKeys() public {
        _init(MUX, ACCOUNT, CID, 1);
        _init(MUX, ACCOUNT, CID2, 1);
        _init(MUX2, ACCOUNT, CID, 1);
        _init(MUX, ACCOUNT2, CID, 1);
        vm.assertEq(_useAction(MUX, ACCOUNT, CID), 0, "use");
        vm.assertEq(_useAction(MUX, ACCOUNT, CID2), 0, "cid2");
        vm.assertEq(_useAction(MUX2, ACCOUNT, CID), 0, "mux2");
        vm.assertEq(_useOp(MUX, ACCOUNT2, CID), 0, "account2");
        vm.assertEq(_useAction(address(this), ACCOUNT, CID), 1, "foreign caller has no uses");
        uint128 used = policy.getUsed(CID, MUX, ACCOUNT);
        vm.assertEq(used, 1, "MUX used 1");
    }

    function test_erc165() public view {
        _assertInterfaces(address(policy), true, true, false);
    }

    function testFuzz_exactlyLimitUses(uint8 limit, uint8 attempts) public {
        limit = uint8(bound(limit, 1, 40));
        attempts = uint8(bound(attempts, 0, 60));
        _init(MUX, ACCOUNT, CID, limit);
        for (uint256 i; i < attempts; ++i) {
            uint256 r = i % 2 == 0 ? _useAction(MUX, ACCOUNT, CID) : _useOp(MUX, ACCOUNT, CID);
            vm.assertEq(r, i < limit ? 0 : 1, "decision");
        }
        uint128 used = policy.getUsed(CID, MUX, ACCOUNT);
        vm.assertEq(used, attempts < limit ? attempts : limit, "used");
    }
}
