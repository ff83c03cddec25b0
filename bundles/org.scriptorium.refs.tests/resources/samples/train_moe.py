# Samples of references in Python comments, written for the tests of org.scriptorium.refs.
import torch


class SharedExpertMoE(torch.nn.Module):
    """Implements arXiv:2401.06066 (DeepSeekMoE), shared experts.

    Load balancing as in https://arxiv.org/abs/2101.03961 (Switch Transformers).
    """

    def forward(self, x):
        # top-k routing, see DOI 10.48550/arXiv.2202.08906 and arXiv:1701.06538
        scores = x @ self.gate  # matrix product, not a citation
        return scores[0:10]
