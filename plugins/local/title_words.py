"""A local plugin example: a summarizer that prefers sentences sharing words with the title.

Use it by naming this file (or its folder) in briefing.toml:

    plugins = ["plugins/local"]
    summarizer = "title-words"
"""

from briefing import Summarizer, hookimpl


class TitleWords(Summarizer):
    name = "title-words"
    description = "Sentences that share the most content words with the document's title"

    def rate(self, document, kit):
        title = set(kit.content_stems(document.title))
        return [len(title & set(kit.content_stems(s.text))) for s in document.sentences]


@hookimpl
def register_summarizers(register):
    register(TitleWords)
