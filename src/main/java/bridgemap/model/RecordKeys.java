package bridgemap.model;

/**
 * Gives each case and referral its record key for disclosure control: a number in [0, 256) that looks random
 * and is the same every time the record is read (see {@link Tally}).
 */
public interface RecordKeys {

    /** Every record key 0: for stores read without disclosure control (tests, tools). */
    RecordKeys NONE = new RecordKeys() {
        @Override
        public int caseKey(String caseId) {
            return 0;
        }

        @Override
        public int referralKey(String referralId) {
            return 0;
        }
    };

    int caseKey(String caseId);

    int referralKey(String referralId);
}
