// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {IPolicy, IUserOpPolicy, IActionPolicy, I1271Policy} from "../../smartsession/interfaces/IPolicy.sol";

/// @title PolicyInterfaces
/// @notice ERC-165 boilerplate shared by the policies: IERC165 and IPolicy are always supported, each check
///         interface only when the policy implements it.
library PolicyInterfaces {
    /// @dev 0x989c9e46
    bytes4 internal constant IPOLICY_ID = type(IPolicy).interfaceId;
    /// @dev 0x7129edce
    bytes4 internal constant IUSEROP_POLICY_ID = type(IUserOpPolicy).interfaceId;
    /// @dev 0x05c00895
    bytes4 internal constant IACTION_POLICY_ID = type(IActionPolicy).interfaceId;
    /// @dev 0xcbf34505
    bytes4 internal constant I1271_POLICY_ID = type(I1271Policy).interfaceId;

    /// @notice The ERC-165 answer of a policy implementing the given check interfaces.
    /// @param interfaceId The queried interface id.
    /// @param userOp Whether the policy implements IUserOpPolicy.
    /// @param action Whether the policy implements IActionPolicy.
    /// @param erc1271 Whether the policy implements I1271Policy.
    function isSupported(bytes4 interfaceId, bool userOp, bool action, bool erc1271) internal pure returns (bool) {
        if (interfaceId == type(IERC165).interfaceId || interfaceId == IPOLICY_ID) return true;
        if (interfaceId == IUSEROP_POLICY_ID) return userOp;
        if (interfaceId == IACTION_POLICY_ID) return action;
        if (interfaceId == I1271_POLICY_ID) return erc1271;
        return false;
    }
}
