/** Open Referral UK / HSDS 3.0 service directories: read either serialisation, map to a bundle, and write one back. */
package bridgemap.openreferral;
