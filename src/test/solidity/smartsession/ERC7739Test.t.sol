// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {SmartSessionTestBase} from "./SmartSessionTestBase.sol";
import {ISmartSession} from "../../../main/solidity/smartsession/interfaces/ISmartSession.sol";
import {SmartSession} from "../../../main/solidity/smartsession/SmartSession.sol";
import {SmartSessionERC7739} from "../../../main/solidity/smartsession/core/SmartSessionERC7739.sol";
import "../../../main/solidity/smartsession/DataTypes.sol";

/// @dev Exposes the ERC-7739 description split.
contract ERC7739Harness is SmartSession {
    function split(bytes memory desc) external pure returns (bool, bytes memory, bytes memory) {
        return _splitDescription(desc);
    }

    function parse(bytes memory sig) external pure returns (bool, NestedSig memory) {
        return _parseNested(sig);
    }
}

/// @dev ERC-1271 session signatures via ERC-7739 nested TypedDataSign (spec §2.7).
contract ERC7739Test is SmartSessionTestBase {
    bytes32 internal constant APP_DOMAIN = keccak256("app domain separator");
    string internal constant MAIL_TYPE = "Mail(address to,string contents)";
    bytes32 internal constant CONTENTS = keccak256("mail struct hash");
    address internal constant REQUESTER = address(0xA99);
    bytes4 internal constant MAGIC = 0x1626ba7e;
    bytes4 internal constant INVALID = 0xffffffff;

    PermissionId internal pid;

    function setUp() public override {
        super.setUp();
        Session memory s = _session(keccak256("7739"));
        s.erc7739Policies.allowedERC7739Content = new ERC7739Context[](1);
        s.erc7739Policies.allowedERC7739Content[0].appDomainSeparator = APP_DOMAIN;
        s.erc7739Policies.allowedERC7739Content[0].contentNames = new string[](2);
        s.erc7739Policies.allowedERC7739Content[0].contentNames[0] = MAIL_TYPE;
        s.erc7739Policies.allowedERC7739Content[0].contentNames[1] = "Mail(address to,string contents)Mail";
        s.erc7739Policies.erc1271Policies = _policies(address(policyB));
        pid = _enable(s);
    }

    function _appHash() internal pure returns (bytes32) {
        return keccak256(abi.encodePacked(hex"1901", APP_DOMAIN, CONTENTS));
    }

    /// @dev Reference TypedDataSign hash with the fixture account's ERC-5267 domain.
    function _finalHash(string memory contentsName, string memory contentsType) internal view returns (bytes32) {
        bytes32 typeHash = keccak256(
            abi.encodePacked(
                "TypedDataSign(",
                contentsName,
                " contents,string name,string version,uint256 chainId,address verifyingContract,bytes32 salt)",
                contentsType
            )
        );
        bytes32 structHash = keccak256(
            abi.encode(
                typeHash,
                CONTENTS,
                keccak256("Latchkey Test"),
                keccak256("1.0"),
                block.chainid,
                address(account),
                bytes32(0)
            )
        );
        return keccak256(abi.encodePacked(hex"1901", APP_DOMAIN, structHash));
    }

    function _wrap(PermissionId p, bytes memory sig, string memory description) internal pure returns (bytes memory) {
        return abi.encodePacked(
            PermissionId.unwrap(p), sig, APP_DOMAIN, CONTENTS, description, uint16(bytes(description).length)
        );
    }

    function _implicitSig(uint256 pk) internal view returns (bytes memory) {
        return _wrap(pid, _sign(pk, _finalHash("Mail", MAIL_TYPE)), MAIL_TYPE);
    }

    function _check(bytes32 hash, bytes memory signature) internal view returns (bytes4) {
        // view call "from" the account: staticcall with the account as msg.sender via prank is not possible in a
        // view helper, so callers prank first
        return smartSession.isValidSignatureWithSender(REQUESTER, hash, signature);
    }

    function test_implicitModePasses() public {
        vm.prank(address(account));
        vm.assertEq(uint32(_check(_appHash(), _implicitSig(sessionKeyPk))), uint32(MAGIC), "valid");
    }

    function test_explicitModePasses() public {
        string memory desc = "Mail(address to,string contents)Mail";
        bytes memory sig = _wrap(pid, _sign(sessionKeyPk, _finalHash("Mail", MAIL_TYPE)), desc);
        vm.prank(address(account));
        vm.assertEq(uint32(_check(_appHash(), sig)), uint32(MAGIC), "valid");
    }

    function test_wrongSessionKeyFails() public {
        (, uint256 otherPk) = makeKey("other");
        vm.prank(address(account));
        vm.assertEq(uint32(_check(_appHash(), _implicitSig(otherPk))), uint32(INVALID), "bad signer");
    }

    function test_hashNotMatchingContentsFails() public {
        vm.prank(address(account));
        vm.assertEq(uint32(_check(keccak256("other"), _implicitSig(sessionKeyPk))), uint32(INVALID), "hash");
    }

    function test_contentNotEnabledFails() public {
        string memory desc = "Permit(address owner)";
        bytes memory sig = _wrap(pid, _sign(sessionKeyPk, _finalHash("Permit", desc)), desc);
        vm.prank(address(account));
        vm.assertEq(uint32(_check(_appHash(), sig)), uint32(INVALID), "content not enabled");
    }

    function test_policyRefusalFails() public {
        policyB.set1271(false, false);
        vm.prank(address(account));
        vm.assertEq(uint32(_check(_appHash(), _implicitSig(sessionKeyPk))), uint32(INVALID), "policy false");
        policyB.set1271(true, true);
        vm.prank(address(account));
        vm.assertEq(uint32(_check(_appHash(), _implicitSig(sessionKeyPk))), uint32(INVALID), "policy reverts");
    }

    function test_unknownPermissionFails() public {
        bytes memory sig =
            _wrap(PermissionId.wrap(keccak256("x")), _sign(sessionKeyPk, _finalHash("Mail", MAIL_TYPE)), MAIL_TYPE);
        vm.prank(address(account));
        vm.assertEq(uint32(_check(_appHash(), sig)), uint32(INVALID), "unknown pid");
    }

    function test_otherAccountFails() public {
        // a different account (msg.sender) has no such permission
        vm.prank(address(0xACC));
        vm.assertEq(uint32(_check(_appHash(), _implicitSig(sessionKeyPk))), uint32(INVALID), "other account");
    }

    function test_truncatedSignatureFails() public {
        vm.prank(address(account));
        vm.assertEq(uint32(_check(_appHash(), hex"00ff")), uint32(INVALID), "too short");
    }

    function test_invalidContentsNameFails() public {
        string memory desc = "mail(address to)"; // lower-case first letter
        vm.prank(address(account));
        smartSession.enableERC1271Policies(pid, _contents(desc));
        bytes memory sig = _wrap(pid, _sign(sessionKeyPk, _finalHash("mail", desc)), desc);
        vm.prank(address(account));
        vm.assertEq(uint32(_check(_appHash(), sig)), uint32(INVALID), "invalid contents name");
    }

    function test_descriptionParsing() public {
        ERC7739Harness h = new ERC7739Harness();
        _assertSplit(h, "Mail(address to)", true, "Mail", "Mail(address to)");
        _assertSplit(h, "Mail(address to)Mail", true, "Mail", "Mail(address to)");
        _assertSplit(h, "A(B b)B(uint256 x)A", true, "A", "A(B b)B(uint256 x)");
        _assertSplit(h, "Mail", true, "Mail", ""); // explicit mode with an empty contents type
        _assertSplit(h, "mail(address to)", false, "mail", "mail(address to)");
        _assertSplit(h, "(address to)", false, "", "(address to)");
        _assertSplit(h, "Mail(address to)Ma il", false, "Ma il", "Mail(address to)");
        _assertSplit(h, "Mail)", false, "Mail)", "Mail)");
        _assertSplit(h, "", false, "", "");
    }

    function test_signatureParsing() public {
        ERC7739Harness h = new ERC7739Harness();
        // empty validator signature: shortest well-formed layout
        bytes memory sig = _wrap(pid, "", MAIL_TYPE);
        (bool ok, SmartSessionERC7739.NestedSig memory s) = h.parse(sig);
        vm.assertTrue(ok, "parses");
        vm.assertEq(PermissionId.unwrap(s.permissionId), PermissionId.unwrap(pid), "pid");
        vm.assertEq(s.validatorSig.length, 0, "empty validator sig");
        vm.assertEq(s.appDomainSeparator, APP_DOMAIN, "separator");
        vm.assertEq(s.contentsHash, CONTENTS, "contents");
        vm.assertEq(string(s.contentsDescription), MAIL_TYPE, "description");
        // a 3-byte validator signature
        (ok, s) = h.parse(_wrap(pid, hex"aabbcc", MAIL_TYPE));
        vm.assertTrue(ok, "parses");
        vm.assertEq(s.validatorSig, hex"aabbcc", "validator sig");
        // description length larger than the signature
        bytes memory bad = abi.encodePacked(PermissionId.unwrap(pid), APP_DOMAIN, CONTENTS, uint16(1));
        (ok,) = h.parse(bad);
        vm.assertFalse(ok, "too short for its description");
        (ok,) = h.parse(new bytes(97));
        vm.assertFalse(ok, "too short");
    }

    function _assertSplit(ERC7739Harness h, string memory desc, bool valid, string memory name, string memory typ)
        internal
        pure
    {
        (bool v, bytes memory n, bytes memory t) = h.split(bytes(desc));
        vm.assertEq(v, valid, desc);
        if (valid) {
            vm.assertEq(string(n), name, "name");
            vm.assertEq(string(t), typ, "type");
        }
    }

    function _contents(string memory desc) internal pure returns (ERC7739Data memory d) {
        d.allowedERC7739Content = new ERC7739Context[](1);
        d.allowedERC7739Content[0].appDomainSeparator = APP_DOMAIN;
        d.allowedERC7739Content[0].contentNames = new string[](1);
        d.allowedERC7739Content[0].contentNames[0] = desc;
    }

    function test_detectionAndSelfSender() public {
        vm.prank(address(account));
        vm.assertEq(
            uint32(
                smartSession.isValidSignatureWithSender(
                    REQUESTER, 0x7739773977397739773977397739773977397739773977397739773977397739, ""
                )
            ),
            0x77390001,
            "ERC-7739 detection"
        );
        bytes memory sig = _implicitSig(sessionKeyPk);
        bytes32 h = _appHash();
        vm.prank(address(account));
        vm.assertEq(
            uint32(smartSession.isValidSignatureWithSender(address(smartSession), h, sig)),
            uint32(INVALID),
            "sender == SmartSession is refused"
        );
    }

    function test_erc6492WrappedPasses() public {
        bytes memory wrapped = abi.encodePacked(
            abi.encode(address(0xFAC), hex"1234", _implicitSig(sessionKeyPk)),
            bytes32(0x6492649264926492649264926492649264926492649264926492649264926492)
        );
        vm.prank(address(account));
        vm.assertEq(uint32(_check(_appHash(), wrapped)), uint32(MAGIC), "ERC-6492 stripped");
    }

    function test_revert_noERC1271Policies() public {
        address[] memory policies = new address[](1);
        policies[0] = address(policyB);
        vm.prank(address(account));
        smartSession.disableERC1271Policies(pid, policies, new ERC7739Context[](0));
        bytes memory sig = _implicitSig(sessionKeyPk);
        bytes32 h = _appHash();
        vm.expectRevert(abi.encodeWithSelector(ISmartSession.NoPoliciesSet.selector, pid));
        vm.prank(address(account));
        smartSession.isValidSignatureWithSender(REQUESTER, h, sig);
    }

    function test_revert_signerNotFound() public {
        bytes32 inner = keccak256(abi.encode(PermissionId.unwrap(pid), uint256(9)));
        vm.store(address(smartSession), keccak256(abi.encode(address(account), inner)), bytes32(0));
        bytes memory sig = _implicitSig(sessionKeyPk);
        bytes32 h = _appHash();
        vm.expectRevert(abi.encodeWithSelector(ISmartSession.SignerNotFound.selector, pid, address(account)));
        vm.prank(address(account));
        smartSession.isValidSignatureWithSender(REQUESTER, h, sig);
    }
}
