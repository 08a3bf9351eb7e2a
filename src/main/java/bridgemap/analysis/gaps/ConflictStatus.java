package bridgemap.analysis.gaps;

import bridgemap.model.Vocabulary;

/** Whether a borough's services can take a need set as a whole; declared in the order a reader wants them. */
public enum ConflictStatus implements Vocabulary {
    /** Some need of the set is accepted by no service serving the borough. */
    UNSERVED,
    /** Every need is accepted somewhere, but no one service takes the whole set: "between two stools". */
    SPLIT,
    /** At least one service accepts every need of the set and excludes none of them. */
    SERVED;

    @Override
    public String code() {
        return Vocabulary.codeOf(this);
    }
}
