package bridgemap.analysis.coverage;

import bridgemap.model.Vocabulary;

/** How well a borough × setting-kind cell is covered on the day; declared worst first. */
public enum CellStatus implements Vocabulary {
    /** No practitioner placed at any setting of the cell. */
    HOLE,
    /** Cover rests on one practitioner or one funder, or on a practitioner without funding. */
    FRAGILE,
    /** Two or more practitioners, two or more funders, every practitioner funded. */
    COVERED;

    @Override
    public String code() {
        return Vocabulary.codeOf(this);
    }
}
