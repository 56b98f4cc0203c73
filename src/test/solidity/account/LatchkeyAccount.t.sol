// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {TestBase} from "../utils/TestBase.sol";
import {Vm} from "../utils/Vm.sol";
import {EntryPointDeployer} from "../utils/EntryPointDeployer.sol";
import {IEntryPointV07} from "../utils/IEntryPointV07.sol";
import {UserOpBuilder} from "../utils/UserOpBuilder.sol";
import {IEntryPoint, PackedUserOperation} from "@openzeppelin/contracts/interfaces/IERC4337.sol";
import {Execution} from "@openzeppelin/contracts/interfaces/draft-IERC7579.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Initializable} from "@openzeppelin/contracts/proxy/utils/Initializable.sol";
import {Account as OZAccount} from "@openzeppelin/contracts/account/Account.sol";
import {LatchkeyAccount} from "../../../main/solidity/account/LatchkeyAccount.sol";
import {LatchkeyAccountFactory} from "../../../main/solidity/account/LatchkeyAccountFactory.sol";
import {OwnableValidator} from "../../../main/solidity/validators/OwnableValidator.sol";
import {TestToken} from "../../../main/solidity/devnet/TestToken.sol";
import {MockSessionValidator} from "./fixtures/MockSessionValidator.sol";

contract LatchkeyAccountTest is TestBase {
    IEntryPointV07 internal ep;
    OwnableValidator internal ownable;
    MockSessionValidator internal session;
    LatchkeyAccountFactory internal factory;
    TestToken internal token;

    address internal owner;
    uint256 internal ownerKey;
    address payable internal bundler = payable(address(0xB0B));
    address internal recipient = address(0xCAFE);

    bytes32 internal constant SALT = bytes32(uint256(0));
    bytes internal ownerInit;
    bytes internal sessionInit = hex"01abcdef";
    address internal predicted;

    function setUp() public {
        ep = EntryPointDeployer.deploy();
        ownable = new OwnableValidator();
        session = new MockSessionValidator();
        factory = new LatchkeyAccountFactory(IEntryPoint(address(ep)), address(ownable), address(session));
        token = new TestToken("Test USD", "TUSD", 6);
        (owner, ownerKey) = makeKey("owner");
        address[] memory owners = new address[](1);
        owners[0] = owner;
        ownerInit = abi.encode(uint256(1), owners);
        predicted = factory.getAddress(SALT, ownerInit, sessionInit);
        token.mint(predicted, 1_000e6);
        vm.deal(predicted, 1 ether);
    }

    /* --------------------------------- helpers -------------------------------- */

    function _initCode() internal view returns (bytes memory) {
        return abi.encodePacked(
            address(factory), abi.encodeCall(LatchkeyAccountFactory.createAccount, (SALT, ownerInit, sessionInit))
        );
    }

    function _ownerNonce() internal view returns (uint256) {
        return ep.getNonce(predicted, UserOpBuilder.validatorNonceKey(address(ownable)));
    }

    function _transferCall(address to, uint256 amount) internal view returns (bytes memory) {
        return UserOpBuilder.executeSingle(address(token), 0, abi.encodeCall(IERC20.transfer, (to, amount)));
    }

    /// @dev Owner-signed op: personal_sign(userOpHash), v = 27/28 (OwnableValidator eth-signs the hash itself).
    function _ownerOp(bytes memory initCode, bytes memory callData) internal view returns (PackedUserOperation memory op) {
        op = UserOpBuilder.build(predicted, _ownerNonce(), initCode, callData);
        op.signature = UserOpBuilder.signPersonal(ownerKey, ep.getUserOpHash(op));
    }

    function _handle(PackedUserOperation memory op) internal {
        PackedUserOperation[] memory ops = new PackedUserOperation[](1);
        ops[0] = op;
        vm.prank(bundler, bundler);
        ep.handleOps(ops, bundler);
    }

    /// @dev Runs `op` and returns (gas used by the handleOps call, EntryPoint's actualGasUsed, success flag).
    function _handleMeasured(PackedUserOperation memory op)
        internal
        returns (uint256 callGas, uint256 actualGasUsed, bool success)
    {
        PackedUserOperation[] memory ops = new PackedUserOperation[](1);
        ops[0] = op;
        vm.recordLogs();
        vm.prank(bundler, bundler);
        uint256 g = gasleft();
        ep.handleOps(ops, bundler);
        callGas = g - gasleft();
        Vm.Log[] memory logs = vm.getRecordedLogs();
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].emitter == address(ep) && logs[i].topics[0] == IEntryPointV07.UserOperationEvent.selector) {
                (, success,, actualGasUsed) = abi.decode(logs[i].data, (uint256, bool, uint256, uint256));
            }
        }
    }

    function _deployViaFirstOp() internal {
        _handle(_ownerOp(_initCode(), _transferCall(recipient, 100e6)));
    }

    /* ---------------------------------- tests --------------------------------- */

    function test_userOpHash_matchesSpec() public view {
        PackedUserOperation memory op = UserOpBuilder.build(predicted, _ownerNonce(), _initCode(), _transferCall(recipient, 1));
        op.paymasterAndData = abi.encodePacked(address(0x1234), uint128(1), uint128(2), hex"aa");
        vm.assertEq(ep.getUserOpHash(op), UserOpBuilder.hashV07(op, address(ep), block.chainid), "v0.7 userOpHash");
    }

    function test_nonceKeyLayout() public view {
        uint256 nonce = _ownerNonce();
        vm.assertEq(address(bytes20(bytes32(nonce))), address(ownable), "validator in top 20 bytes");
        vm.assertEq(nonce & type(uint64).max, 0, "sequence 0");
    }

    function test_firstOp_initCode_singleTransfer() public {
        vm.assertEq(predicted.code.length, 0, "not deployed yet");
        (, uint256 actual, bool success) = _handleMeasured(_ownerOp(_initCode(), _transferCall(recipient, 100e6)));
        vm.assertTrue(success, "op success");
        vm.assertGt(actual, 0, "gas");
        vm.assertGt(predicted.code.length, 0, "deployed");
        vm.assertEq(token.balanceOf(recipient), 100e6, "recipient");
        vm.assertEq(token.balanceOf(predicted), 900e6, "account");
        LatchkeyAccount acct = LatchkeyAccount(payable(predicted));
        vm.assertTrue(acct.isModuleInstalled(1, address(ownable), ""), "owner validator installed");
        vm.assertTrue(acct.isModuleInstalled(1, address(session), ""), "session slot installed");
        vm.assertEq(session.installData(predicted), sessionInit, "session init data");
        vm.assertTrue(ownable.isOwner(predicted, owner), "owner set");
        vm.assertEq(_ownerNonce() & type(uint64).max, 1, "sequence bumped");
    }

    function test_secondOp_batchExecute() public {
        _deployViaFirstOp();
        address r2 = address(0xD00D);
        address r3 = address(0xE0E0);
        Execution[] memory batch = new Execution[](3);
        batch[0] = Execution(address(token), 0, abi.encodeCall(IERC20.transfer, (recipient, 5e6)));
        batch[1] = Execution(address(token), 0, abi.encodeCall(IERC20.transfer, (r2, 7e6)));
        batch[2] = Execution(r3, 0.01 ether, "");
        (,, bool success) = _handleMeasured(_ownerOp("", UserOpBuilder.executeBatch(batch)));
        vm.assertTrue(success, "batch success");
        vm.assertEq(token.balanceOf(recipient), 105e6, "recipient");
        vm.assertEq(token.balanceOf(r2), 7e6, "r2");
        vm.assertEq(r3.balance, 0.01 ether, "r3 eth");
        vm.assertEq(_ownerNonce() & type(uint64).max, 2, "sequence 2");
    }

    function test_recordOwnerOpGas() public {
        (uint256 deployCallGas, uint256 deployActual, bool ok1) =
            _handleMeasured(_ownerOp(_initCode(), _transferCall(recipient, 100e6)));
        (uint256 callGas, uint256 actual, bool ok2) = _handleMeasured(_ownerOp("", _transferCall(recipient, 1e6)));
        vm.assertTrue(ok1 && ok2, "ops succeeded");
        vm.createDir("target/gas", true);
        vm.writeFile(
            "target/gas/owner-op.txt",
            string.concat(
                "# LatchkeyAccount + OwnableValidator (1-of-1), EntryPoint v0.7, single ERC-20 transfer via ERC-7579 execute\n",
                "# actualGasUsed = EntryPoint UserOperationEvent: what the account is charged (incl. preVerificationGas 50000 and\n",
                "#   EntryPoint v0.7's 10% penalty on unused callGasLimit 300000)\n",
                "# handleOps = gasleft() delta around handleOps inside one forge test tx (storage already warm from the first op,\n",
                "#   no intrinsic/calldata cost): a lower bound, not a bundler figure\n",
                "first_op_with_initCode.actualGasUsed=", vm.toString(deployActual), "\n",
                "first_op_with_initCode.handleOps=", vm.toString(deployCallGas), "\n",
                "owner_single_transfer.actualGasUsed=", vm.toString(actual), "\n",
                "owner_single_transfer.handleOps=", vm.toString(callGas), "\n"
            )
        );
    }

    function test_badSignature_AA24() public {
        (, uint256 otherKey) = makeKey("mallory");
        PackedUserOperation memory op = UserOpBuilder.build(predicted, _ownerNonce(), _initCode(), _transferCall(recipient, 1));
        op.signature = UserOpBuilder.signPersonal(otherKey, ep.getUserOpHash(op));
        PackedUserOperation[] memory ops = new PackedUserOperation[](1);
        ops[0] = op;
        vm.expectRevert(abi.encodeWithSelector(IEntryPointV07.FailedOp.selector, 0, "AA24 signature error"));
        vm.prank(bundler, bundler);
        ep.handleOps(ops, bundler);
    }

    function test_rawSignatureOverUserOpHash_AA24() public {
        // OwnableValidator as account validator wants personal_sign; a raw signature over userOpHash is rejected
        PackedUserOperation memory op = UserOpBuilder.build(predicted, _ownerNonce(), _initCode(), _transferCall(recipient, 1));
        op.signature = UserOpBuilder.signRaw(ownerKey, ep.getUserOpHash(op));
        PackedUserOperation[] memory ops = new PackedUserOperation[](1);
        ops[0] = op;
        vm.expectRevert(abi.encodeWithSelector(IEntryPointV07.FailedOp.selector, 0, "AA24 signature error"));
        vm.prank(bundler, bundler);
        ep.handleOps(ops, bundler);
    }

    function test_uninstalledValidatorNonceKey_AA24() public {
        _deployViaFirstOp();
        address notInstalled = address(new OwnableValidator());
        uint256 nonce = ep.getNonce(predicted, UserOpBuilder.validatorNonceKey(notInstalled));
        PackedUserOperation memory op = UserOpBuilder.build(predicted, nonce, "", _transferCall(recipient, 1));
        op.signature = UserOpBuilder.signPersonal(ownerKey, ep.getUserOpHash(op));
        PackedUserOperation[] memory ops = new PackedUserOperation[](1);
        ops[0] = op;
        vm.expectRevert(abi.encodeWithSelector(IEntryPointV07.FailedOp.selector, 0, "AA24 signature error"));
        vm.prank(bundler, bundler);
        ep.handleOps(ops, bundler);
    }

    function test_sessionSlot_receivesRawUserOpHash() public {
        _deployViaFirstOp();
        uint256 nonce = ep.getNonce(predicted, UserOpBuilder.validatorNonceKey(address(session)));
        PackedUserOperation memory op = UserOpBuilder.build(predicted, nonce, "", _transferCall(address(0xF00D), 3e6));
        bytes32 h = ep.getUserOpHash(op);
        op.signature = abi.encodePacked(h);
        _handle(op);
        vm.assertEq(token.balanceOf(address(0xF00D)), 3e6, "executed via session slot");
    }

    function test_erc1271_validatorPrefixedSignature() public {
        address account = factory.createAccount(SALT, ownerInit, sessionInit);
        bytes32 h = keccak256("message");
        LatchkeyAccount acct = LatchkeyAccount(payable(account));
        bytes memory good = abi.encodePacked(address(ownable), UserOpBuilder.signRaw(ownerKey, h));
        vm.assertEq(bytes32(acct.isValidSignature(h, good)), bytes32(bytes4(0x1626ba7e)), "valid");
        (, uint256 otherKey) = makeKey("mallory");
        bytes memory bad = abi.encodePacked(address(ownable), UserOpBuilder.signRaw(otherKey, h));
        vm.assertEq(bytes32(acct.isValidSignature(h, bad)), bytes32(bytes4(0xffffffff)), "wrong key");
        bytes memory wrongModule = abi.encodePacked(address(0x1111), UserOpBuilder.signRaw(ownerKey, h));
        vm.assertEq(bytes32(acct.isValidSignature(h, wrongModule)), bytes32(bytes4(0xffffffff)), "not installed");
        vm.assertEq(bytes32(acct.isValidSignature(h, hex"1234")), bytes32(bytes4(0xffffffff)), "short");
        // too-short inner signature reverts inside the validator; the account turns it into 0xffffffff
        bytes memory truncated = abi.encodePacked(address(ownable), hex"00");
        vm.assertEq(bytes32(acct.isValidSignature(h, truncated)), bytes32(bytes4(0xffffffff)), "truncated");
        // session slot
        vm.assertEq(
            bytes32(acct.isValidSignature(h, abi.encodePacked(address(session), h))),
            bytes32(bytes4(0x1626ba7e)),
            "session slot"
        );
    }

    function test_eip712Domain() public {
        address account = factory.createAccount(SALT, ownerInit, sessionInit);
        (
            bytes1 fields,
            string memory name,
            string memory version,
            uint256 chainId,
            address verifyingContract,
            bytes32 salt,
            uint256[] memory extensions
        ) = LatchkeyAccount(payable(account)).eip712Domain();
        vm.assertEq(bytes32(fields), bytes32(bytes1(0x0f)), "fields");
        vm.assertEq(name, "Latchkey", "name");
        vm.assertEq(version, "1", "version");
        vm.assertEq(chainId, block.chainid, "chainId");
        vm.assertEq(verifyingContract, account, "verifyingContract = account (not implementation)");
        vm.assertEq(salt, bytes32(0), "salt");
        vm.assertEq(extensions.length, 0, "extensions");
    }

    function test_accountMetadata() public {
        LatchkeyAccount acct = LatchkeyAccount(payable(factory.createAccount(SALT, ownerInit, sessionInit)));
        vm.assertEq(acct.accountId(), "latchkey.account.0.1.0", "accountId");
        vm.assertEq(address(acct.entryPoint()), address(ep), "entryPoint");
        vm.assertEq(acct.FACTORY(), address(factory), "factory");
        vm.assertTrue(acct.supportsExecutionMode(bytes32(0)), "single");
        vm.assertTrue(acct.supportsExecutionMode(UserOpBuilder.MODE_BATCH), "batch");
        vm.assertTrue(acct.supportsModule(1), "validator modules");
    }

    function test_receiveEth() public {
        address account = factory.createAccount(SALT, ownerInit, sessionInit);
        uint256 before = account.balance;
        vm.deal(address(this), 1 ether);
        (bool ok,) = account.call{value: 0.5 ether}("");
        vm.assertTrue(ok, "receive");
        vm.assertEq(account.balance, before + 0.5 ether, "balance");
    }

    function test_executeOnlyEntryPointOrSelf() public {
        LatchkeyAccount acct = LatchkeyAccount(payable(factory.createAccount(SALT, ownerInit, sessionInit)));
        bytes memory exec = abi.encodePacked(address(token), uint256(0), abi.encodeCall(IERC20.transfer, (recipient, 1)));
        vm.expectRevert(abi.encodeWithSelector(OZAccount.AccountUnauthorized.selector, address(this)));
        acct.execute(bytes32(0), exec);
        vm.prank(address(ep));
        acct.execute(bytes32(0), exec);
        vm.assertEq(token.balanceOf(recipient), 1, "ep can execute");
    }

    /* --------------------------------- factory -------------------------------- */

    function test_factory_getAddressMatchesAndIdempotent() public {
        vm.recordLogs();
        address a1 = factory.createAccount(SALT, ownerInit, sessionInit);
        vm.assertEq(a1, predicted, "getAddress == deployed");
        vm.assertEq(vm.getRecordedLogs().length > 0, true, "deployment logs");
        vm.recordLogs();
        address a2 = factory.createAccount(SALT, ownerInit, sessionInit);
        vm.assertEq(a2, a1, "second call same address");
        vm.assertEq(vm.getRecordedLogs().length, 0, "no redeploy");
    }

    function test_factory_saltCommitsToInitData() public view {
        address[] memory other = new address[](1);
        other[0] = address(0xBAD);
        bytes memory attackerInit = abi.encode(uint256(1), other);
        vm.assertTrue(factory.getAddress(SALT, attackerInit, sessionInit) != predicted, "owner data in salt");
        vm.assertTrue(factory.getAddress(SALT, ownerInit, hex"01") != predicted, "session data in salt");
        vm.assertTrue(factory.getAddress(bytes32(uint256(1)), ownerInit, sessionInit) != predicted, "salt");
    }

    function test_factory_initializeGuards() public {
        LatchkeyAccount impl = factory.ACCOUNT_IMPLEMENTATION();
        vm.expectRevert(Initializable.InvalidInitialization.selector);
        impl.initialize(address(ownable), ownerInit, address(0), "");
        LatchkeyAccount acct = LatchkeyAccount(payable(factory.createAccount(SALT, ownerInit, sessionInit)));
        vm.prank(address(factory));
        vm.expectRevert(Initializable.InvalidInitialization.selector);
        acct.initialize(address(ownable), ownerInit, address(0), "");
    }

    function test_factory_onlyFactoryInitializes() public {
        // a clone of the implementation created by someone else cannot be initialized by them
        LatchkeyAccount other = new LatchkeyAccount(IEntryPoint(address(ep)), address(0xFAC));
        vm.expectRevert(Initializable.InvalidInitialization.selector);
        other.initialize(address(ownable), ownerInit, address(0), "");
        LatchkeyAccount impl = factory.ACCOUNT_IMPLEMENTATION();
        address clone = _clone(address(impl));
        vm.expectRevert(abi.encodeWithSelector(LatchkeyAccount.OnlyFactory.selector, address(this)));
        LatchkeyAccount(payable(clone)).initialize(address(ownable), ownerInit, address(0), "");
    }

    function test_factory_noSmartSession() public {
        LatchkeyAccountFactory f2 = new LatchkeyAccountFactory(IEntryPoint(address(ep)), address(ownable), address(0));
        LatchkeyAccount acct = LatchkeyAccount(payable(f2.createAccount(SALT, ownerInit, "")));
        vm.assertTrue(acct.isModuleInstalled(1, address(ownable), ""), "owner");
        vm.assertFalse(acct.isModuleInstalled(1, address(0), ""), "no session");
    }

    function test_entryPointAtCanonicalAddress() public {
        IEntryPointV07 canon = EntryPointDeployer.deployAtCanonical();
        LatchkeyAccountFactory f2 = new LatchkeyAccountFactory(IEntryPoint(address(canon)), address(ownable), address(session));
        address acct = f2.getAddress(SALT, ownerInit, sessionInit);
        token.mint(acct, 10e6);
        vm.deal(acct, 1 ether);
        bytes memory initCode =
            abi.encodePacked(address(f2), abi.encodeCall(LatchkeyAccountFactory.createAccount, (SALT, ownerInit, sessionInit)));
        PackedUserOperation memory op = UserOpBuilder.build(
            acct, canon.getNonce(acct, UserOpBuilder.validatorNonceKey(address(ownable))), initCode, _transferCall(recipient, 2e6)
        );
        op.signature = UserOpBuilder.signPersonal(ownerKey, canon.getUserOpHash(op));
        PackedUserOperation[] memory ops = new PackedUserOperation[](1);
        ops[0] = op;
        vm.prank(bundler, bundler);
        canon.handleOps(ops, bundler);
        vm.assertEq(token.balanceOf(recipient), 2e6, "canonical EntryPoint works");
    }

    /// @dev Plain EIP-1167 clone (not via the factory).
    function _clone(address impl) internal returns (address instance) {
        bytes memory code = abi.encodePacked(
            hex"3d602d80600a3d3981f3363d3d373d3d3d363d73", impl, hex"5af43d82803e903d91602b57fd5bf3"
        );
        assembly ("memory-safe") {
            instance := create(0, add(code, 0x20), mload(code))
        }
    }
}
