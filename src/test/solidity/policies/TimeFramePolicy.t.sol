// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {PolicyTestBase} from "./PolicyTestBase.sol";
import {ConfigId} from "../../../main/solidity/smartsession/DataTypes.sol";
import {IPolicy} from "../../../main/solidity/smartsession/interfaces/IPolicy.sol";
import {TimeFramePolicy} from "../../../main/solidity/policies/TimeFramePolicy.sol";

contract TimeFramePolicyTest is PolicyTestBase {
    TimeFramePolicy internal policy;

    function setUp() public {
        policy = new TimeFramePolicy();
        vm.warp(1_700_000_000);
    }

    function _init(address mux, address account, ConfigId id, uint48 until, uint48 afterTs) internal {
        vm.prank(mux);
        policy.initializeWithMultiplexer(account, id, abi.encodePacked(until, afterTs));
    }

    function _expected(uint48 until, uint48 afterTs) internal pure returns (uint256) {
        return (uint256(afterTs) << 208) | (uint256(until) << 160);
    }

    /// @dev The canonical TimeFrameConfig packing: until in bits 48..95, after in bits 0..47.
    function _window(ConfigId id, address mux, address account) internal view returns (uint48 until, uint48 afterTs) {
        uint256 packed = policy.getTimeFrameConfig(id, mux, account);
        vm.assertEq(packed, policy.timeFrameConfigs(id, mux, account), "public mapping and getter agree");
        until = uint48(packed >> 48);
        afterTs = uint48(packed);
    }

    function test_init_storesAndEmits() public {
        vm.expectEmit(address(policy));
        emit IPolicy.PolicySet(CID, MUX, ACCOUNT);
        _init(MUX, ACCOUNT, CID, 2_000_000_000, 1_600_000_000);
        (uint48 until, uint48 afterTs) = _window(CID, MUX, ACCOUNT);
        vm.assertEq(until, 2_000_000_000, "until");
        vm.assertEq(afterTs, 1_600_000_000, "after");
    }

    function test_initData_is12PackedBytes_trailingIgnored() public {
        vm.prank(MUX);
        policy.initializeWithMultiplexer(ACCOUNT, CID, abi.encodePacked(uint48(50), uint48(40), hex"ffff"));
        (uint48 until, uint48 afterTs) = _window(CID, MUX, ACCOUNT);
        vm.assertEq(until, 50, "until");
        vm.assertEq(afterTs, 40, "after");
    }

    function test_init_revertsWhenAfterGreaterThanUntil() public {
        vm.expectRevert(abi.encodeWithSelector(IPolicy.PolicyNotInitialized.selector, CID, MUX, ACCOUNT));
        _init(MUX, ACCOUNT, CID, 100, 101);
    }

    function test_init_allowsAfterEqualsUntil_andUntilZero() public {
        _init(MUX, ACCOUNT, CID, 100, 100);
        _init(MUX, ACCOUNT, CID, 0, 5_000);
        (uint48 until, uint48 afterTs) = _window(CID, MUX, ACCOUNT);
        vm.assertEq(until, 0, "no expiry");
        vm.assertEq(afterTs, 5_000, "after");
    }

    function test_init_revertsOnShortData() public {
        vm.expectRevert(TimeFramePolicy.InvalidInitDataLength.selector);
        vm.prank(MUX);
        policy.initializeWithMultiplexer(ACCOUNT, CID, new bytes(11));
    }

    function test_checks_revertWhenBothZero() public {
        _init(MUX, ACCOUNT, CID, 0, 0); // allowed by init, but unusable
        bytes memory err = abi.encodeWithSelector(IPolicy.PolicyNotInitialized.selector, CID, MUX, ACCOUNT);
        vm.prank(MUX);
        vm.expectRevert(err);
        policy.checkUserOpPolicy(CID, _userOp(ACCOUNT, hex""));
        vm.prank(MUX);
        vm.expectRevert(err);
        policy.checkAction(CID, ACCOUNT, address(1), 0, hex"");
        vm.prank(MUX);
        vm.expectRevert(err);
        policy.check1271SignedAction(CID, address(1), ACCOUNT, bytes32(0), hex"");
    }

    function test_checks_returnPackedWindow() public {
        _init(MUX, ACCOUNT, CID, 2_000_000_000, 1_600_000_000);
        vm.startPrank(MUX);
        vm.assertEq(
            policy.checkUserOpPolicy(CID, _userOp(ACCOUNT, hex"")), _expected(2_000_000_000, 1_600_000_000), "userOp"
        );
        vm.assertEq(
            policy.checkAction(CID, ACCOUNT, address(1), 5, hex"ab"), _expected(2_000_000_000, 1_600_000_000), "action"
        );
        vm.stopPrank();
    }

    function test_reinit_overwrites() public {
        _init(MUX, ACCOUNT, CID, 2_000_000_000, 1_600_000_000);
        _init(MUX, ACCOUNT, CID, 0, 1);
        vm.prank(MUX);
        vm.assertEq(policy.checkAction(CID, ACCOUNT, address(1), 0, hex""), _expected(0, 1), "overwritten");
    }

    function test_isolation_betweenKeys() public {
        _init(MUX, ACCOUNT, CID, 10, 5);
        (uint48 u,) = _window(CID2, MUX, ACCOUNT);
        vm.assertEq(u, 0, "cid2 empty");
        (u,) = _window(CID, MUX2, ACCOUNT);
        vm.assertEq(u, 0, "mux2 empty");
        (u,) = _window(CID, MUX, ACCOUNT2);
        vm.assertEq(u, 0, "account2 empty");
        vm.expectRevert(abi.encodeWithSelector(IPolicy.PolicyNotInitialized.selector, CID, MUX2, ACCOUNT));
        vm.prank(MUX2);
        policy.checkAction(CID, ACCOUNT, address(1), 0, hex"");
    }

    function test_erc165() public view {
        _assertInterfaces(address(policy), true, true, true);
    }

    function testFuzz_packing(uint48 until, uint48 afterTs) public {
        vm.assume(until != 0 || afterTs != 0);
        if (until != 0 && afterTs > until) {
            vm.expectRevert(abi.encodeWithSelector(IPolicy.PolicyNotInitialized.selector, CID, MUX, ACCOUNT));
            _init(MUX, ACCOUNT, CID, until, afterTs);
            return;
        }
        _init(MUX, ACCOUNT, CID, until, afterTs);
        vm.startPrank(MUX);
        uint256 vd = policy.checkUserOpPolicy(CID, _userOp(ACCOUNT, hex""));
        vm.assertEq(vd, _expected(until, afterTs), "userOp vd");
        vm.assertEq(vd & type(uint160).max, 0, "no aggregator bits");
        // forge-lint: disable-next-line(unsafe-typecast)
        vm.assertEq(uint48(vd >> 160), until, "validUntil bits");
        // forge-lint: disable-next-line(unsafe-typecast)
        vm.assertEq(uint48(vd >> 208), afterTs, "validAfter bits");
        vm.assertEq(policy.checkAction(CID, ACCOUNT, address(0), 0, hex""), vd, "action vd");
        vm.stopPrank();
    }

    function testFuzz_1271_matchesReference(uint48 until, uint48 afterTs, uint48 nowTs) public {
        vm.assume(until != 0 || afterTs != 0);
        vm.assume(until == 0 || afterTs <= until);
        _init(MUX, ACCOUNT, CID, until, afterTs);
        vm.warp(nowTs);
        bool expected = (nowTs < until || until == 0) && nowTs >= afterTs;
        vm.prank(MUX);
        vm.assertEq(policy.check1271SignedAction(CID, address(2), ACCOUNT, bytes32(0), hex""), expected, "1271");
    }
}
