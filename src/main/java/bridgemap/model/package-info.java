/** The domain records Bridgemap stores and reasons about; no library imports. */
package bridgemap.model;
