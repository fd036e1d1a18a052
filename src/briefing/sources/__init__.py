"""Sources: what the user named, as bytes (:mod:`.collect`: files, folders, standard input;
:mod:`.fetch`: URLs), turned into text (:mod:`.decoding`), and how each document was read, in
words and as data (:mod:`.how_read`)."""
