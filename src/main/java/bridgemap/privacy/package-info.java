/** Access and disclosure: roles and hashed tokens, the audit log, and the NHS Digital small-number rule. */
package bridgemap.privacy;
