/** Open Referral UK / HSDS 3.0 service directories: read either serialisation and map it to a bundle; write the services back as HSDS records, exported and served as a read-only feed. */
package bridgemap.openreferral;
