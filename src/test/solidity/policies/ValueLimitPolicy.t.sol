// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {PolicyTestBase} from "./PolicyTestBase.sol";
import {ConfigId} from "../../../main/solidity/smartsession/DataTypes.sol";
import {IPolicy} from "../../../main/solidity/smartsession/interfaces/IPolicy.sol";
import {Execution} from "@openzeppelin/contracts/interfaces/draft-IERC7579.sol";
import {ValueLimitPolicy} from "../../../main/solidity/policies/ValueLimitPolicy.sol";
import {ExecutionLib} from "../../../main/solidity/smartsession/lib/ExecutionLib.sol";

contract ValueLimitPolicyTest is PolicyTestBase {
    ValueLimitPolicy internal policy;
    bytes4 internal constant EXECUTE = 0xe9ae5c53;
    bytes32 internal constant MODE_SINGLE = bytes32(0);
    bytes32 internal constant MODE_BATCH = bytes32(uint256(0x01) << 248);

    function setUp() public {
        policy = new ValueLimitPolicy();
    }

    function _init(address mux, address account, ConfigId id, uint256 limit) internal {
        vm.prank(mux);
        policy.initializeWithMultiplexer(account, id, abi.encode(limit));
    }

    function _single(address target, uint256 value) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(EXECUTE, MODE_SINGLE, abi.encodePacked(target, value, hex"c0ffee"));
    }

    function _batch(uint256[] memory values) internal pure returns (bytes memory) {
        Execution[] memory ex = new Execution[](values.length);
        for (uint256 i; i < values.length; ++i) {
            // forge-lint: disable-next-line(unsafe-typecast)
            ex[i] = Execution({target: address(uint160(0x1000 + i)), value: values[i], callData: hex"abcd"});
        }
        return abi.encodeWithSelector(EXECUTE, MODE_BATCH, abi.encode(ex));
    }

    function _op(address mux, address account, ConfigId id, bytes memory callData) internal returns (uint256) {
        vm.prank(mux);
        return policy.checkUserOpPolicy(id, _userOp(account, callData));
    }

    function _action(address mux, address account, ConfigId id, uint256 value) internal returns (uint256) {
        vm.prank(mux);
        return policy.checkAction(id, account, address(0xBEEF), value, hex"");
    }

    function _used(address mux, address account, ConfigId id) internal view returns (uint256 used) {
        used = policy.getUsed(id, mux, account);
    }

    function test_init_storesAndEmits() public {
        vm.expectEmit(address(policy));
        emit IPolicy.PolicySet(CID, MUX, ACCOUNT);
        _init(MUX, ACCOUNT, CID, 1 ether);
        uint256 used = policy.getUsed(CID, MUX, ACCOUNT);
        uint256 limit = policy.getValueLimit(CID, MUX, ACCOUNT);
        vm.assertEq(used, 0, "used");
        vm.assertEq(limit, 1 ether, "limit");
    }

    function test_init_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(ValueLimitPolicy.InvalidLimit.selector, 0));
        _init(MUX, ACCOUNT, CID, 0);
        vm.expectRevert(ValueLimitPolicy.InvalidInitDataLength.selector);
        vm.prank(MUX);
        policy.initializeWithMultiplexer(ACCOUNT, CID, new bytes(31));
    }

    function test_action_passAndFail() public {
        _init(MUX, ACCOUNT, CID, 10);
        vm.assertEq(_action(MUX, ACCOUNT, CID, 6), 0, "6");
        vm.assertEq(_action(MUX, ACCOUNT, CID, 5), 1, "11 > 10");
        vm.assertEq(_action(MUX, ACCOUNT, CID, 4), 0, "10");
        vm.assertEq(_action(MUX, ACCOUNT, CID, 1), 1, "exhausted");
        vm.assertEq(_action(MUX, ACCOUNT, CID, 0), 0, "zero fits");
        vm.assertEq(_used(MUX, ACCOUNT, CID), 10, "used");
    }

    function test_action_hugeValue_failsWithoutOverflow() public {
        _init(MUX, ACCOUNT, CID, 10);
        vm.assertEq(_action(MUX, ACCOUNT, CID, 3), 0, "3");
        vm.assertEq(_action(MUX, ACCOUNT, CID, type(uint256).max), 1, "max");
    }

    function test_userOp_single() public {
        _init(MUX, ACCOUNT, CID, 10);
        vm.assertEq(_op(MUX, ACCOUNT, CID, _single(address(0x1234), 7)), 0, "7");
        vm.assertEq(_op(MUX, ACCOUNT, CID, _single(address(0x1234), 4)), 1, "11 > 10");
        vm.assertEq(_used(MUX, ACCOUNT, CID), 7, "used 7");
    }

    function test_userOp_batchSumsValues() public {
        _init(MUX, ACCOUNT, CID, 10);
        uint256[] memory v = new uint256[](3);
        (v[0], v[1], v[2]) = (2, 3, 4);
        vm.assertEq(_op(MUX, ACCOUNT, CID, _batch(v)), 0, "9");
        vm.assertEq(_used(MUX, ACCOUNT, CID), 9, "used 9");
        (v[0], v[1], v[2]) = (0, 1, 1);
        vm.assertEq(_op(MUX, ACCOUNT, CID, _batch(v)), 1, "11 > 10");
    }

    function test_userOp_batchValueOverflow_fails() public {
        _init(MUX, ACCOUNT, CID, 10);
        uint256[] memory v = new uint256[](2);
        (v[0], v[1]) = (type(uint256).max, 2);
        vm.assertEq(_op(MUX, ACCOUNT, CID, _batch(v)), 1, "overflow");
    }

    function test_userOp_otherCallTypes_revert() public {
        _init(MUX, ACCOUNT, CID, 10);
        bytes memory single = abi.encodePacked(address(0x1234), uint256(0));
        vm.expectRevert(abi.encodeWithSelector(ValueLimitPolicy.UnsupportedCallType.selector, bytes1(0xff)));
        _op(MUX, ACCOUNT, CID, abi.encodeWithSelector(EXECUTE, bytes32(uint256(0xff) << 248), single));
        vm.expectRevert(abi.encodeWithSelector(ValueLimitPolicy.UnsupportedCallType.selector, bytes1(0xfe)));
        _op(MUX, ACCOUNT, CID, abi.encodeWithSelector(EXECUTE, bytes32(uint256(0xfe) << 248), single));
    }

    function test_userOp_nonExecute_succeedsWithoutAccounting() public {
        _init(MUX, ACCOUNT, CID, 10);
        vm.assertEq(_op(MUX, ACCOUNT, CID, abi.encodeWithSelector(0x9517e29f, uint256(1), address(2), hex"")), 0, "installModule");
        vm.assertEq(_op(MUX, ACCOUNT, CID, hex""), 0, "empty");
        vm.assertEq(_op(MUX, ACCOUNT, CID, hex"e9ae5c"), 0, "3 bytes");
        vm.assertEq(_used(MUX, ACCOUNT, CID), 0, "no accounting");
    }

    function test_userOp_malformed_revertsDecodingError() public {
        _init(MUX, ACCOUNT, CID, 10);
        // Too short for (mode, offset).
        vm.expectRevert(ExecutionLib.DecodingError.selector);
        _op(MUX, ACCOUNT, CID, abi.encodePacked(EXECUTE, MODE_SINGLE));
        // Offset pointing outside the calldata.
        vm.expectRevert(ExecutionLib.DecodingError.selector);
        _op(MUX, ACCOUNT, CID, abi.encodePacked(EXECUTE, MODE_SINGLE, uint256(0x1000)));
        // Length larger than what is there.
        vm.expectRevert(ExecutionLib.DecodingError.selector);
        _op(MUX, ACCOUNT, CID, abi.encodePacked(EXECUTE, MODE_SINGLE, uint256(0x40), uint256(100), bytes32(0)));
        // Single shorter than 52 bytes.
        vm.expectRevert(ExecutionLib.DecodingError.selector);
        _op(MUX, ACCOUNT, CID, abi.encodeWithSelector(EXECUTE, MODE_SINGLE, new bytes(51)));
        // Batch with an out-of-bounds array offset.
        vm.expectRevert(ExecutionLib.DecodingError.selector);
        _op(MUX, ACCOUNT, CID, abi.encodeWithSelector(EXECUTE, MODE_BATCH, abi.encode(uint256(0x400))));
    }

    function test_reinit_resetsUsed() public {
        _init(MUX, ACCOUNT, CID, 10);
        vm.assertEq(_action(MUX, ACCOUNT, CID, 10), 0, "spend");
        _init(MUX, ACCOUNT, CID, 5);
        uint256 used = policy.getUsed(CID, MUX, ACCOUNT);
        uint256 limit = policy.getValueLimit(CID, MUX, ACCOUNT);
        vm.assertEq(used, 0, "reset");
        vm.assertEq(limit, 5, "new limit");
    }

    function test_isolation_betweenKeys() public {
        _init(MUX, ACCOUNT, CID, 10);
        _init(MUX, ACCOUNT, CID2, 10);
        _init(MUX2, ACCOUNT, CID, 10);
        _init(MUX, ACCOUNT2, CID, 10);
        vm.assertEq(_action(MUX, ACCOUNT, CID, 10), 0, "spend all");
        vm.assertEq(_action(MUX, ACCOUNT, CID2, 10), 0, "cid2");
        vm.assertEq(_action(MUX2, ACCOUNT, CID, 10), 0, "mux2");
        vm.assertEq(_op(MUX, ACCOUNT2, CID, _single(address(1), 10)), 0, "account2");
        vm.assertEq(_action(address(this), ACCOUNT, CID, 1), 1, "foreign caller: limit 0");
    }

    function test_erc165() public view {
        _assertInterfaces(address(policy), true, true, false);
    }

    function testFuzz_batchSum_matchesReference(uint256 limit, uint256[4] memory raw, uint8 n) public {
        limit = bound(limit, 1, type(uint128).max);
        n = uint8(bound(n, 1, 4));
        _init(MUX, ACCOUNT, CID, limit);
        uint256[] memory v = new uint256[](n);
        uint256 sum;
        for (uint256 i; i < n; ++i) {
            v[i] = bound(raw[i], 0, limit / 2);
            sum += v[i];
        }
        vm.assertEq(_op(MUX, ACCOUNT, CID, _batch(v)), sum <= limit ? 0 : 1, "decision");
        vm.assertEq(_used(MUX, ACCOUNT, CID), sum <= limit ? sum : 0, "used");
    }
}
