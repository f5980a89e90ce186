"""The LaTeX surface authors write: every macro and environment KaTeX supports (and the MathJax/LaTeX extras its
support table lists), each with what verify does with it. One table, one source of truth.

The inventory (``INVENTORY``: section -> names) is KaTeX's own list (docs/supported.md and docs/support_table.md of
github.com/KaTeX/KaTeX at a11ce728, KaTeX 0.18): 1 091 names and environments. ``CLASS`` gives each one a class:

- ``drop``: size, colour, spacing, style, breaks: removed with the arguments that carry no mathematics
  (``\\Huge``, ``\\displaystyle``, ``\\space``, ``\\color{red}``, ``\\hspace{1em}``, ``\\phantom{x}``);
- ``keep``: a frame or mark around mathematics: the mathematics stays (``\\boxed{x}`` -> ``{x}``,
  ``\\textcolor{red}{x}`` -> ``{x}``, ``\\cancel{x}``, ``\\smash``, ``\\href{url}{x}``);
- ``font``: a font or an accent: its argument is the symbol (``\\mathbf{W}``, ``\\overline{x}`` as ``\\bar{x}``,
  ``\\check{x}`` a symbol of its own), read by normalize's existing rules;
- ``read``: read by the claim grammar (letters, ``\\frac``, ``\\sum``, ``\\cdot``, ``=``, ``\\approx`` …);
- ``implies``: a step from one statement to the next (``\\implies``, ``\\Rightarrow``, ``\\therefore``): the claim is
  split there and each statement judged on its own (``split_statements``);
- ``define``: a definition (``:=``, ``\\coloneqq``, ``\\triangleq``, ``\\stackrel{def}{=}``): one spelling, ``:=``;
- every other class is *not read*, with its own reason (``REASONS``): comparisons, ellipses, optima and limits, big
  operators, functions not evaluated, set and logic symbols, arrows, letters the answer did not define, TeX
  programming, HTML, environments that are not mathematics to judge.

``ENVIRONMENTS`` classifies the environments the same way: rows (each row a claim), wrapper (transparent), matrix,
cases, or not read with a reason.

Untrusted input: ``rewrite`` is one forward pass over the text (each character looked at a bounded number of times);
nothing is evaluated.
"""

from __future__ import annotations

import heapq
import re

#: KaTeX's functions by the section of docs/supported.md that lists them; "other" are the names of the support table
#: KaTeX marks "Not supported" (MathJax or LaTeX extensions) and five more the table lists outside any section
INVENTORY = {
    "accents": r"""\tilde \mathring \widetilde \overgroup \utilde \undergroup \acute \vec \Overrightarrow \bar
        \overleftarrow \overrightarrow \breve \underleftarrow \underrightarrow \check \overleftharpoon \overrightharpoon
        \dot \overleftrightarrow \overbrace \ddot \underleftrightarrow \underbrace \dddot \overline \overbracket \ddddot
        \underline \underbracket \grave \underbar \overlinesegment \hat \widecheck \underlinesegment \widehat \H \v \u
        \r""",
    "delimiters": r"""\lparen \rparen \lceil \rceil \uparrow \lbrack \rbrack \lfloor \rfloor \downarrow \lbrace \rbrace
        \lmoustache \rmoustache \updownarrow \langle \rangle \lgroup \rgroup \Uparrow \vert \ulcorner \urcorner \Downarrow
        \Vert \llcorner \lrcorner \Updownarrow \lvert \rvert \lVert \rVert \left \right \backslash \lang \rang \lt \gt
        \llbracket \rrbracket \lBrace \rBrace \big \Big \bigg \Bigg \bigl \bigm \bigr \middle \Bigl \Bigm \Bigr \biggl
        \biggm \biggr \Biggl \Biggm \Biggr""",
    "environments": r"""\begin \end \arraystretch \hline \hdashline \cr \cline \multicolumn \tag \tag* \nonumber
        \notag""",
    "html": r"""\href \url \includegraphics \htmlId \htmlClass \htmlStyle \htmlData \html \KaTeX""",
    "letters": r"""\Alpha \Beta \Gamma \Delta \Epsilon \Zeta \Eta \Theta \Iota \Kappa \Lambda \Mu \Nu \Xi \Omicron \Pi
        \Rho \Sigma \Tau \Upsilon \Phi \Chi \Psi \Omega \varGamma \varDelta \varTheta \varLambda \varXi \varPi \varSigma
        \varUpsilon \varPhi \varPsi \varOmega \alpha \beta \gamma \delta \epsilon \zeta \eta \theta \iota \kappa \lambda
        \mu \nu \xi \omicron \pi \rho \sigma \tau \upsilon \phi \chi \psi \omega \varepsilon \varkappa \vartheta \thetasym
        \varpi \varrho \varsigma \varphi \digamma \imath \nabla \Im \Reals \OE \jmath \partial \image \wp \o \aleph \Game
        \Bbbk \weierp \O \alef \Finv \N \Z \ss \alefsym \cnums \natnums \aa \i \beth \Complex \R \AA \j \gimel \ell \Re
        \ae \daleth \hbar \real \AE \eth \hslash \reals \oe \char""",
    "annotation": r"""\cancel \bcancel \xcancel \not \sout \boxed \angl \angln \phase""",
    "line breaks": r"""\nobreak \allowbreak \newline""",
    "vertical layout": r"""\stackrel \atop \overset \raisebox \underset \vcenter \hbox \substack""",
    "overlap and spacing": r"""\mathllap \smash \mathrlap \displaystyle \mathclap \llap \rlap \clap \kern \thinspace
        \mkern \mskip \hskip \medspace \hspace \hspace* \thickspace \phantom \enspace \hphantom \quad \vphantom \qquad
        \negthinspace \negmedspace \nobreakspace \negthickspace \space \mathstrut""",
    "logic and set theory": r"""\forall \complement \therefore \emptyset \exists \subset \because \empty \exist \supset
        \mapsto \varnothing \nexists \mid \to \implies \in \land \gets \impliedby \isin \lor \leftrightarrow \iff \notin
        \ni \notni \neg \lnot \Set \set""",
    "macros": r"""\def \gdef \edef \xdef \let \futurelet \global \newcommand \renewcommand \providecommand \par \long
        \mathchoice \TextOrMath \relax \expandafter \noexpand \makeatletter""",
    "big operators": r"""\sum \prod \bigotimes \bigvee \int \coprod \bigoplus \bigwedge \iint \intop \bigodot \bigcap
        \iiint \smallint \biguplus \bigcup \oint \oiint \oiiint \bigsqcup""",
    "binary operators": r"""\cdot \gtrdot \pmod \cdotp \intercal \pod \centerdot \rhd \circ \leftthreetimes
        \rightthreetimes \amalg \circledast \ldotp \rtimes \And \circledcirc \setminus \ast \circleddash \lessdot
        \smallsetminus \barwedge \Cup \lhd \sqcap \bigcirc \cup \ltimes \sqcup \bmod \curlyvee \mod \times \boxdot
        \curlywedge \mp \unlhd \boxminus \div \odot \unrhd \boxplus \divideontimes \ominus \uplus \boxtimes \dotplus
        \oplus \vee \bullet \doublebarwedge \otimes \veebar \Cap \doublecap \oslash \wedge \cap \doublecup \pm \plusmn
        \wr""",
    "fractions": r"""\frac \tfrac \genfrac \over \dfrac \above \cfrac \binom \dbinom \brace \choose \tbinom \brack""",
    "math operators": r"""\arcsin \cosec \deg \sec \arccos \cosh \dim \sin \arctan \cot \exp \sinh \arctg \cotg \hom \sh
        \arcctg \coth \ker \tan \arg \csc \lg \tanh \ch \ctg \ln \tg \cos \cth \log \th \operatorname \argmax \injlim
        \min \varinjlim \argmin \lim \plim \varliminf \det \liminf \Pr \varlimsup \gcd \limsup \projlim \varprojlim \inf
        \max \sup \operatorname* \operatornamewithlimits \limits \sqrt""",
    "relations": r"""\doteqdot \lessapprox \smile \eqcirc \lesseqgtr \sqsubset \eqcolon \minuscolon \lesseqqgtr
        \sqsubseteq \Eqcolon \minuscoloncolon \lessgtr \sqsupset \approx \eqqcolon \equalscolon \lesssim \sqsupseteq
        \approxcolon \Eqqcolon \equalscoloncolon \ll \Subset \approxcoloncolon \eqsim \lll \sub \approxeq \eqslantgtr
        \llless \subseteq \sube \asymp \eqslantless \subseteqq \backepsilon \equiv \succ \backsim \fallingdotseq \models
        \succapprox \backsimeq \frown \multimap \succcurlyeq \between \ge \origof \succeq \bowtie \geq \owns \succsim
        \bumpeq \geqq \parallel \Supset \Bumpeq \geqslant \perp \circeq \gg \pitchfork \supseteq \supe \colonapprox \ggg
        \prec \supseteqq \Colonapprox \coloncolonapprox \gggtr \precapprox \thickapprox \coloneq \colonminus \preccurlyeq
        \thicksim \Coloneq \coloncolonminus \gtrapprox \preceq \trianglelefteq \coloneqq \colonequals \gtreqless
        \precsim \triangleq \Coloneqq \coloncolonequals \gtreqqless \propto \trianglerighteq \colonsim \gtrless
        \risingdotseq \varpropto \Colonsim \coloncolonsim \gtrsim \shortmid \vartriangle \cong \imageof \shortparallel
        \vartriangleleft \curlyeqprec \sim \vartriangleright \curlyeqsucc \Join \simcolon \vcentcolon \ratio \dashv \le
        \simcoloncolon \vdash \dblcolon \coloncolon \leq \simeq \vDash \doteq \leqq \smallfrown \Vdash \Doteq \leqslant
        \smallsmile \Vvdash""",
    "negated relations": r"""\gnapprox \ngeqslant \nsubseteq \precneqq \gneq \ngtr \nsubseteqq \precnsim \gneqq \nleq
        \nsucc \subsetneq \gnsim \nleqq \nsucceq \subsetneqq \gvertneqq \nleqslant \nsupseteq \succnapprox \lnapprox
        \nless \nsupseteqq \succneqq \lneq \nmid \ntriangleleft \succnsim \lneqq \ntrianglelefteq \supsetneq \lnsim
        \ntriangleright \supsetneqq \lvertneqq \nparallel \ntrianglerighteq \varsubsetneq \ncong \nprec \nvdash
        \varsubsetneqq \ne \npreceq \nvDash \varsupsetneq \neq \nshortmid \nVDash \varsupsetneqq \ngeq \nshortparallel
        \nVdash \ngeqq \nsim \precnapprox""",
    "arrows": r"""\circlearrowleft \leftharpoonup \rArr \circlearrowright \leftleftarrows \rarr \curvearrowleft
        \restriction \curvearrowright \Leftrightarrow \rightarrow \Darr \leftrightarrows \Rightarrow \dArr
        \leftrightharpoons \rightarrowtail \darr \leftrightsquigarrow \rightharpoondown \dashleftarrow \Lleftarrow
        \rightharpoonup \dashrightarrow \longleftarrow \rightleftarrows \Longleftarrow \rightleftharpoons
        \longleftrightarrow \rightrightarrows \downdownarrows \Longleftrightarrow \rightsquigarrow \downharpoonleft
        \longmapsto \Rrightarrow \downharpoonright \longrightarrow \Rsh \Longrightarrow \searrow \Harr \looparrowleft
        \swarrow \hArr \looparrowright \harr \Lrarr \twoheadleftarrow \hookleftarrow \lrArr \twoheadrightarrow
        \hookrightarrow \lrarr \Uarr \Lsh \uArr \nearrow \uarr \Larr \nleftarrow \lArr \nLeftarrow \larr \nleftrightarrow
        \leadsto \nLeftrightarrow \upharpoonleft \leftarrow \nrightarrow \upharpoonright \Leftarrow \nRightarrow
        \upuparrows \leftarrowtail \nwarrow \leftharpoondown \Rarr \xleftarrow \xrightarrow \xLeftarrow \xRightarrow
        \xleftrightarrow \xLeftrightarrow \xhookleftarrow \xhookrightarrow \xtwoheadleftarrow \xtwoheadrightarrow
        \xleftharpoonup \xrightharpoonup \xleftharpoondown \xrightharpoondown \xleftrightharpoons \xrightleftharpoons
        \xtofrom \xmapsto \xlongequal""",
    "special notation": r"""\bra \ket \braket \Bra \Ket \Braket \VERT""",
    "style, color, size and font": r"""\mathbin \mathclose \mathinner \mathop \mathopen \mathord \mathpunct \mathrel
        \color \textcolor \colorbox \fcolorbox \mathrm \mathbf \mathsf \mathnormal \textbf \textsf \textrm \bf \sf \rm
        \bold \mathsfit \textnormal \boldsymbol \Bbb \text \bm \mathbb \textup \textmd \frak \mathit \mathtt \mathfrak
        \textit \texttt \mathcal \it \tt \cal \emph \mathscr \pmb \Huge \normalsize \huge \small \LARGE \footnotesize
        \Large \scriptsize \large \tiny \textstyle \scriptstyle \scriptscriptstyle \nolimits \verb""",
    "symbols and punctuation": r"""\dots \LaTeX \cdots \ddots \TeX \ldots \vdots \infty \textunderscore \dotsb \infin
        \dotsc \checkmark \textendash \dotsi \dag \dotsm \dagger \textemdash \dotso \textdagger \textasciitilde \sdot
        \ddag \textasciicircum \mathellipsis \ddagger \textellipsis \textdaggerdbl \textquoteleft \Box \Dagger \lq \square
        \angle \textquoteright \blacksquare \measuredangle \rq \triangle \sphericalangle \textquotedblleft \triangledown
        \top \triangleleft \bot \textquotedblright \triangleright \colon \bigtriangledown \textdollar \backprime
        \bigtriangleup \pounds \prime \blacktriangle \mathsterling \textless \blacktriangledown \textsterling
        \textgreater \blacktriangleleft \yen \textbar \blacktriangleright \surd \textbardbl \diamond \degree
        \textbraceleft \Diamond \textdegree \textbraceright \lozenge \mho \textbackslash \blacklozenge \diagdown \P
        \star \diagup \S \bigstar \flat \sect \clubsuit \natural \copyright \clubs \sharp \circledR \diamondsuit
        \heartsuit \textregistered \diamonds \hearts \circledS \spadesuit \spades \textcircled \maltese \minuso \bull""",
    "units": r"""\rule""",
    "other": r"""\abovewithdelims \and \ang \array \Arrowvert \arrowvert \atopwithdelims \bbox \bfseries \bigominus
        \bigoslash \bigsqcap \bracevert \buildrel \C \cancelto \cases \cee \cf \class \cssId \DeclareMathOperator
        \definecolor \Digamma \displaylines \else \em \enclose \eqalign \eqalignno \eqref \euro \fi \geneuro
        \geneuronarrow \geneurowide \hfil \hfill \idotsint \iddots \if \ifmode \ifx \iiiint \itshape \Koppa \koppa \L \l
        \label \LeftArrow \leftroot \leqalignno \lower \mathtip \matrix \mbox \md \mdseries \mit \mmlToken \moveleft
        \moveright \mspace \newenvironment \Newextarrow \normalfont \officialeuro \oldstyle \or \overparen
        \overwithdelims \pagecolor \part \pmatrix \Q \raise \ref \renewenvironment \require \root \rotatebox \Rule \Sampi
        \sampi \sc \scalebox \scr \setlength \shoveleft \shoveright \sideset \skew \skip \sl \smiley \Space \Stigma
        \stigma \strut \style \textsc \textsl \texttip \textvisiblespace \Tiny \toggle \underparen \unicode \up \uproot
        \upshape \varcoppa \varstigma \vfil \vfill \vline \wideparen \begingroup \endgroup \ce \pu \fbox \sixptsize""",
}

#: every environment of KaTeX's support table (and LaTeX's subequations, multline, flalign)
ENVIRONMENT_NAMES = """align align* aligned alignat alignat* alignedat array Bmatrix Bmatrix* bmatrix bmatrix* cases CD
    darray dcases drcases equation equation* eqnarray eqnarray* gather gather* gathered matrix matrix* multline multline*
    multiline flalign flalign* picture pmatrix pmatrix* rcases smallmatrix split subarray Vmatrix Vmatrix* vmatrix
    vmatrix* subequations displaymath math""".split()


def _names(text: str) -> set[str]:
    return {w.lstrip("\\") for w in text.split()}


#: (name -> number of arguments): dropped with every argument (they carry no mathematics)
DROP = {**dict.fromkeys(_names(r"""\Huge \huge \LARGE \Large \large \normalsize \small \footnotesize \scriptsize \tiny
        \Tiny \sixptsize \displaystyle \textstyle \scriptstyle \scriptscriptstyle \quad \qquad \space \Space \nobreakspace
        \thinspace \medspace \thickspace \enspace \negthinspace \negmedspace \negthickspace \allowbreak \nobreak \newline
        \limits \nolimits \nonumber \notag \left \right \middle \big \Big \bigg \Bigg \bigl \bigr \bigm \Bigl \Bigr \Bigm
        \biggl \biggr \biggm \Biggl \Biggr \Biggm \mathstrut \strut \hline \hdashline \relax \bf \rm \sf \it \tt \cal
        \em \normalfont \bfseries \mdseries \itshape \upshape \sl \sc \md \up \mit \oldstyle \hfil \hfill \vfil \vfill
        \begingroup \endgroup \shoveleft \shoveright \vline \par \displaylines \arraystretch"""), 0),
        **dict.fromkeys(_names(r"""\color \hspace \hspace* \phantom \hphantom \vphantom \label \tag \tag* \pagecolor
        \mspace \url \includegraphics \require \cline"""), 1),
        **dict.fromkeys(_names(r"""\rule \setlength \multicolumn"""), 2), "definecolor": 3}
#: a dimension after \kern, \mkern, \mskip, \hskip (\kern1em, \mkern-3mu): dropped with it
DIMENSION = _names(r"\kern \mkern \mskip \hskip \skip")
#: (name -> arguments dropped before the one kept): a frame, colour or mark around mathematics
KEEP = {**dict.fromkeys(_names(r"""\boxed \fbox \cancel \bcancel \xcancel \sout \smash \mathllap \mathrlap \mathclap
        \llap \rlap \clap \mathord \mathbin \mathrel \mathop \mathopen \mathclose \mathpunct \mathinner \bbox \vcenter
        \underparen \overparen \wideparen \overgroup \undergroup"""), 0),
        **dict.fromkeys(_names(r"""\textcolor \colorbox \raisebox \enclose \style \class \cssId \htmlId \htmlClass
        \htmlStyle \htmlData \href \scalebox \rotatebox \toggle"""), 1), "fcolorbox": 2}
DROP.update({"Rule": 3, "scr": 0})  # MathJax's \Rule{w}{h}{d}; \scr a font switch
#: the macros of DROP and KEEP with an optional argument in brackets (\smash[b]{x}, \rule[-1pt]{1em}{2pt}, \bbox[red]{x})
OPTIONAL = frozenset({"smash", "rule", "bbox"})
#: a font or accent spelled another way -> the spelling normalize reads
FONT_ALIASES = {"underbar": "underline", "Bbb": "mathbb", "bold": "mathbf", "frak": "mathfrak",
                "mathsfit": "mathsf", "widecheck": "check", "utilde": "tilde", "textbf": "text", "textsf": "text",
                "textup": "text", "textmd": "text", "emph": "text", "hbox": "text", "textsl": "text",
                "textsc": "text", "texttt": "mathtt"}  # (\texttt{np.sum}(dZ, axis=1, keepdims=True): code's name in math)
#: fonts and accents whose argument is the symbol (normalize's FONT_WRAPPERS, hats, tildes, bars, dots, named text)
FONT = _names(r"""\overline \texttt \mathbf \boldsymbol \bm \vec \underline \mathit \mathnormal \mathbb \pmb \overrightarrow \mathcal
        \mathscr \mathfrak \mathrm \mathsf \mathtt \text \textrm \textit \textnormal \mbox \operatorname
        \operatorname* \operatornamewithlimits \hat \widehat \tilde \widetilde \bar \dot \check \breve \acute \grave
        \ddot \dddot \ddddot \mathring \overleftarrow \overleftrightarrow \Overrightarrow \underleftarrow
        \underrightarrow \underleftrightarrow \overleftharpoon \overrightharpoon \overlinesegment \underlinesegment
        \overbrace \underbrace \overbracket \underbracket \H \v \u \r \skew""") | set(FONT_ALIASES)
#: read by the claim grammar (parser.py): letters, operators, fractions, relations
READ = _names(r"""\alpha \beta \gamma \delta \epsilon \varepsilon \eta \theta \lambda \mu \pi \sigma \phi \varphi \ell
        \Delta \Theta \Omega \nabla \partial \part \sum \cdot \circ \ast \times \odot \otimes \oslash \bullet \div \frac \tfrac
        \dfrac \cfrac \sqrt \exp \log \ln \tanh \cosh \sinh \sin \cos \max \approx \equiv \doteq \leftarrow \gets \rightarrow \to
        \mapsto \longrightarrow \top \intercal \prime \lparen \rparen \lbrack \rbrack \lbrace \rbrace \vert \Vert \lvert
        \rvert \lVert \rVert \lt \gt \cr \begin \end \triangledown \bigtriangledown \cdotp \centerdot \sdot \diag \operatorname
        \le \leq \ge \geq \neq \ne""")
#: a step from one statement to another: the claim is split there (split_statements)
IMPLIES = _names(r"""\implies \impliedby \iff \Rightarrow \Leftarrow \Leftrightarrow \Longrightarrow \Longleftarrow
        \Longleftrightarrow \therefore \because \rArr \Rarr \lArr \Larr \Lrarr \lrArr \hArr \Harr \xRightarrow
        \xLeftarrow \xLeftrightarrow \Rrightarrow \Lleftarrow \leadsto""")
#: a definition: spelled := for the parser (an update of a parameter, or a definition of what follows)
DEFINE = _names(r"""\coloneqq \coloneq \Coloneqq \Coloneq \colonequals \coloncolonequals \triangleq \eqqcolon \Eqqcolon
        \eqcolon \Eqcolon \equalscolon \equalscoloncolon \vcentcolon \xlongequal \stackrel \overset \buildrel
        \underset""")

#: the classes of what is not read, and the reason a claim using one is not judged (with what to write instead)
REASONS = {
    "comparison": "it states a comparison or a relation that is not an equality (≤, ≠, ∝, ∼, ∈, ⊂, ⊥ …); gradproof "
                  "judges equalities; write the equality it stands for",
    "approximation": "it states an approximation of another kind (≃, ≂, ≅ …); gradproof reads = and \\approx (a value "
                     "rounded to the digits written)",
    "ellipsis": "it elides terms with dots (\\cdots, \\ldots, \\vdots …): what the dots stand for is not written, so it "
                "is not judged; write the sum with \\sum or the matrix form",
    "optimum": "it names an optimum or a limit (arg min, sup, lim …), which is no gradient or value gradproof judges",
    "big operator": "it is a product, an integral or a set operation (\\prod, \\int, \\bigcup …), which gradproof does "
                    "not judge; write the matrix form (for example \\delta h^T) instead",
    "function": "it applies a function gradproof does not evaluate in claims (only the network's activations, exp, log, "
                "sqrt, tanh, cosh, sinh, sin, cos, max are read); write the network's own function",
    "set or logic": "it is a set, logic or number-set symbol (∀, ∃, ∪, ∧, ℝ, ∅ …), which states no value to judge",
    "arrow": "it is an arrow gradproof does not read as a relation (← is an update, → Nielsen's update, ⇒ a step "
             "between claims); write = or \\leftarrow",
    "letter": "the letter is not defined in the answer and has no meaning gradproof knows; define it in the answer "
              "(for example \\kappa = …) or map it in [notation]",
    "accent": "an accented letter that the answer does not define; define it in the answer or map it in [notation]",
    "symbol": "a symbol with no value gradproof reads (∞, †, ★, ∠, § …)",
    "operator": "an operator gradproof does not read (±, ⊕, ⊘, mod, \\over, \\binom …); write the operation out",
    "delimiter": "a bracket gradproof does not read (⟨ ⟩ inner products, ⌈ ⌉ and ⌊ ⌋ rounding …); write the "
                 "operation out (a^T b for ⟨a, b⟩)",
    "layout": "a stacked layout (\\atop, \\substack, \\overset of two symbols …) with no reading as a quantity",
    "tex": "TeX programming or document structure (\\let, \\if, \\ref …), not mathematics to judge",
    "physics": "quantum (bra-ket) or chemistry notation, not a quantity of the network",
}

_REASON_NAMES = {
    "comparison": r"""\lessapprox \smile \lesseqgtr \sqsubset \lesseqqgtr \sqsubseteq \lessgtr \sqsupset \lesssim
        \sqsupseteq \ll \Subset \lll \subset \sub \eqslantgtr \llless \subseteq \sube \asymp \eqslantless \subseteqq
        \backepsilon \succ \backsim \fallingdotseq \models \succapprox \backsimeq \frown \multimap \succcurlyeq \between
        \origof \succeq \bowtie \owns \succsim \bumpeq \geqq \parallel \Supset \Bumpeq \geqslant \perp \circeq \gg
        \pitchfork \supseteq \supe \ggg \prec \supseteqq \gggtr \precapprox \preccurlyeq \gtrapprox \preceq
        \trianglelefteq \gtreqless \precsim \gtreqqless \propto \trianglerighteq \gtrless \risingdotseq \varpropto \gtrsim
        \shortmid \vartriangle \imageof \shortparallel \vartriangleleft \curlyeqprec \sim \vartriangleright \curlyeqsucc
        \Join \dashv \vdash \leqq \smallfrown \Vdash \leqslant \smallsmile \Vvdash \vDash \mid \in \isin \notin \ni
        \notni \supset \not \lessdot \gtrdot \nmid \ratio \dblcolon \coloncolon \colon \colonminus \coloncolonminus
        \minuscolon \minuscoloncolon \colonsim \Colonsim \coloncolonsim \simcolon \simcoloncolon \thicksim \eqcirc""",
    "approximation": r"""\approxeq \thickapprox \simeq \eqsim \cong \doteqdot \Doteq \approxcolon \approxcoloncolon
        \colonapprox \Colonapprox \coloncolonapprox""",
    "ellipsis": r"""\dots \cdots \ldots \vdots \ddots \iddots \dotsb \dotsc \dotsi \dotsm \dotso \mathellipsis
        \textellipsis \ldotp""",
    "optimum": r"""\argmin \argmax \arg \min \sup \inf \lim \liminf \limsup \plim \varliminf \varlimsup \injlim
        \varinjlim \projlim \varprojlim""",
    "big operator": r"""\prod \bigotimes \bigvee \int \coprod \bigoplus \bigwedge \iint \intop \bigodot \bigcap \iiint
        \smallint \biguplus \bigcup \oint \oiint \oiiint \bigsqcup \iiiint \idotsint \bigominus \bigoslash \bigsqcap""",
    "function": r"""\arcsin \cosec \deg \sec \arccos \dim \arctan \cot \arctg \cotg \hom \sh \arcctg \coth \ker
        \tan \csc \lg \ch \ctg \tg \cth \th \det \Pr \gcd""",
    "set or logic": r"""\forall \complement \emptyset \exists \empty \exist \varnothing \nexists \land \lor \neg \lnot
        \Set \set \Reals \Im \Re \image \wp \weierp \N \Z \C \Q \R \cnums \natnums \Complex \real \reals \aleph \alef
        \alefsym \beth \gimel \daleth \Game \Bbbk \Finv \cup \cap \Cup \Cap \doublecup \doublecap \sqcup \sqcap \uplus
        \setminus \smallsetminus \wedge \vee \barwedge \veebar \doublebarwedge \curlyvee \curlywedge \And \and \or""",
    "arrow": r"""\circlearrowleft \leftharpoonup \rarr \circlearrowright \leftleftarrows \curvearrowleft \restriction
        \curvearrowright \Darr \leftrightarrows \dArr \leftrightharpoons \rightarrowtail \darr \leftrightsquigarrow
        \rightharpoondown \dashleftarrow \rightharpoonup \dashrightarrow \longleftarrow \rightleftarrows
        \rightleftharpoons \longleftrightarrow \rightrightarrows \downdownarrows \rightsquigarrow \downharpoonleft
        \longmapsto \downharpoonright \Rsh \searrow \looparrowleft \swarrow \harr \looparrowright \twoheadleftarrow
        \hookleftarrow \twoheadrightarrow \hookrightarrow \lrarr \Uarr \Lsh \uArr \nearrow \uarr \nleftarrow \nLeftarrow
        \larr \nleftrightarrow \nLeftrightarrow \upharpoonleft \nrightarrow \upharpoonright \nRightarrow \upuparrows
        \leftarrowtail \nwarrow \leftharpoondown \xleftarrow \xrightarrow \xleftrightarrow \xhookleftarrow
        \xhookrightarrow \xtwoheadleftarrow \xtwoheadrightarrow \xleftharpoonup \xrightharpoonup \xleftharpoondown
        \xrightharpoondown \xleftrightharpoons \xrightleftharpoons \xtofrom \xmapsto \uparrow \downarrow \updownarrow
        \Uparrow \Downarrow \Updownarrow \leftrightarrow \LeftArrow \Newextarrow""",
    "letter": r"""\Alpha \Beta \Gamma \Epsilon \Zeta \Eta \Iota \Kappa \Lambda \Mu \Nu \Xi \Omicron \Pi \Rho \Sigma \Tau
        \Upsilon \Phi \Chi \Psi \varGamma \varDelta \varTheta \varLambda \varXi \varPi \varSigma \varUpsilon \varPhi
        \varPsi \varOmega \zeta \iota \kappa \nu \xi \omicron \rho \tau \upsilon \chi \psi \omega \varkappa \vartheta
        \thetasym \varpi \varrho \varsigma \digamma \imath \jmath \hbar \hslash \eth \o \O \ss \aa \AA \ae \AE \oe \OE \i
        \j \Digamma \Koppa \koppa \Sampi \sampi \Stigma \stigma \varcoppa \varstigma \L \l \mho""",
    "symbol": r"""\infty \infin \checkmark \dag \dagger \ddag \ddagger \Dagger \Box \square \blacksquare \angle
        \measuredangle \sphericalangle \triangle \triangleleft \triangleright \bot \backprime \bigtriangleup \pounds
        \blacktriangle \mathsterling \blacktriangledown \textsterling \blacktriangleleft \yen \blacktriangleright \surd
        \diamond \degree \Diamond \textdegree \lozenge \blacklozenge \diagdown \P \star \diagup \S \bigstar \flat \sect
        \clubsuit \natural \copyright \clubs \sharp \circledR \diamondsuit \heartsuit \textregistered \diamonds \hearts
        \circledS \spadesuit \spades \textcircled \maltese \minuso \bull \LaTeX \TeX \KaTeX \textunderscore \textendash
        \textemdash \textdagger \textasciitilde \textasciicircum \textdaggerdbl \textquoteleft \lq \textquoteright \rq
        \textquotedblleft \textquotedblright \textdollar \textless \textgreater \textbar \textbardbl \textbraceleft
        \textbraceright \textbackslash \textvisiblespace \euro \geneuro \geneuronarrow \geneurowide \officialeuro
        \smiley \bigcirc \char \unicode \angl \angln \phase \ang""",
    "operator": r"""\pmod \pod \rhd \lhd \unlhd \unrhd \leftthreetimes \rightthreetimes \amalg \circledast \rtimes
        \ltimes \circledcirc \circleddash \bmod \mod \boxdot \mp \pm \plusmn \boxminus \boxplus \divideontimes \ominus
        \boxtimes \dotplus \oplus \wr \genfrac \over \above \binom \dbinom \brace \choose \tbinom \brack
        \abovewithdelims \atopwithdelims \overwithdelims \root \leftroot \uproot \sideset \mathchoice \verb""",
    "delimiter": r"""\lceil \rceil \lfloor \rfloor \lmoustache \rmoustache \langle \rangle \lang \rang \lgroup \rgroup
        \ulcorner \urcorner \llcorner \lrcorner \backslash \llbracket \rrbracket \lBrace \rBrace \Arrowvert \arrowvert
        \bracevert \VERT""",
    "layout": r"""\atop \substack \array \matrix \pmatrix \cases \eqalign \eqalignno \leqalignno \cancelto \lower
        \raise \moveleft \moveright \mathtip \texttip""",
    "tex": r"""\def \gdef \edef \xdef \let \futurelet \global \newcommand \renewcommand \providecommand \long
        \TextOrMath \expandafter \noexpand \makeatletter \DeclareMathOperator \newenvironment \renewenvironment \if \ifx
        \ifmode \else \fi \ref \eqref \html \mmlToken \multicolumn""",
    "physics": r"""\bra \ket \braket \Bra \Ket \Braket \ce \pu \cee \cf""",
}
_REASON_NAMES["comparison"] += " " + INVENTORY["negated relations"]  # ≰, ⊊, ≇ …: every one a comparison
NOT_READ = {name: cls for cls, text in _REASON_NAMES.items() for name in _names(text)}


def _classes() -> dict[str, str]:
    """name -> class for every name of the inventory (the first class that claims it, in the order below)."""
    table: dict[str, str] = {}
    for cls, names in (("implies", IMPLIES), ("define", DEFINE), ("drop", set(DROP) | DIMENSION), ("keep", set(KEEP)),
                       ("font", FONT), ("read", READ)):
        for name in names:
            table.setdefault(name, cls)
    for name, cls in NOT_READ.items():
        table.setdefault(name, cls)
    return table


#: name (without the backslash) -> class, for every macro of the inventory and the extras above
CLASS = _classes()


def inventory_names() -> list[str]:
    """Every macro name of the inventory (without the backslash), in KaTeX's order."""
    return [w.lstrip("\\") for text in INVENTORY.values() for w in text.split()]


#: environments: rows (each row a statement), wrapper (transparent), matrix, cases (read by the parser) or a reason
ENVIRONMENTS = {
    **dict.fromkeys(("align", "align*", "aligned", "alignat", "alignat*", "alignedat", "gather", "gather*", "gathered",
                     "eqnarray", "eqnarray*", "multline", "multline*", "multiline", "flalign", "flalign*", "split"),
                    "rows"),
    **dict.fromkeys(("equation", "equation*", "displaymath", "math", "subequations"), "wrapper"),
    **dict.fromkeys(("matrix", "matrix*", "pmatrix", "pmatrix*", "bmatrix", "bmatrix*", "Bmatrix", "Bmatrix*",
                     "smallmatrix", "array", "darray"), "matrix"),
    **dict.fromkeys(("cases", "dcases"), "cases"),
    "vmatrix": "a determinant (vmatrix) is not judged; write the value", "vmatrix*": "a determinant (vmatrix) is not judged",
    "Vmatrix": "a norm of a matrix written as Vmatrix is not judged; write \\|A\\|",
    "Vmatrix*": "a norm of a matrix written as Vmatrix is not judged",
    "rcases": "rcases groups rows for a conclusion on their right; write each row as its own equation",
    "drcases": "drcases groups rows for a conclusion on their right; write each row as its own equation",
    "CD": "a commutative diagram (CD) is not mathematics gradproof judges",
    "picture": "a picture is not mathematics gradproof judges",
    "subarray": "a subarray (stacked limits under a sum) is not read; write the sum's index as \\sum_{i}",
}
#: the star and [r]-aligned variants the parser reads as their plain environment
PLAIN_ENV = {"matrix*": "matrix", "pmatrix*": "pmatrix", "bmatrix*": "bmatrix", "Bmatrix*": "Bmatrix",
             "darray": "array", "dcases": "cases"}


def reason(name: str) -> str | None:
    """Why a claim using the macro ``\\name`` is not judged, if the inventory says it is not read (None otherwise)."""
    cls = CLASS.get(name)
    if cls in REASONS:
        return f"\\{name} is a known LaTeX macro that gradproof does not judge: {REASONS[cls]}"
    if cls == "implies":
        return (f"\\{name} joins two statements; written inside a group it cannot be split there: write each "
                "statement on its own or the implication at the top level")
    if cls == "define":
        return f"\\{name} is a definition written where gradproof cannot read it; write it as a := b"
    if cls in ("drop", "keep"):
        return f"\\{name} here has an argument gradproof cannot tell apart; write it with braces, \\{name}{{…}}"
    if cls == "font" and not name.startswith("text"):
        return REASONS["accent"].replace("an accented letter", f"\\{name}{{…}}, an accented or styled letter,")
    return None


def environment_reason(env: str) -> str:
    """Why an environment inside a formula is not read."""
    what = ENVIRONMENTS.get(env)
    if what is None:
        return f"the environment {env} is not a LaTeX or KaTeX mathematics environment gradproof knows"
    if what == "wrapper":
        return (f"the environment {env} inside a formula is read only around a whole display ($$\\begin{{{env}}} … "
                f"\\end{{{env}}}$$); write the equation without \\begin{{{env}}} … \\end{{{env}}}")
    if what in ("rows", "matrix", "cases"):
        return f"the environment {env} ({what}) is not read at this place in a formula"
    return f"the environment {env} is not judged: {what}"


# -- rewriting -----------------------------------------------------------------------------------------------------
_CMD = re.compile(r"\\([A-Za-z]+\*?)")
_DIM = re.compile(r"\s*+-?\s*+(?:\d++(?:\.\d*+)?+|\.\d++)\s*+(?:em|ex|mu|pt|px|cm|mm|in|bp|pc|dd|cc|sp)\b")  # possessive: linear
#: what an annotation over a relation says: a definition
_DEF_NOTE = re.compile(r"^\s*(?:\\(?:text|mathrm|textrm|scriptscriptstyle|scriptstyle|tiny|small)\s*)?\{?\s*(?:def|"
                       r"\\Delta|\\triangle|\\bigtriangleup|:|defn|definition)\b")
_DEF_NOTE_BARE = re.compile(r"^\s*(?:def|defn|definition|\\Delta|\\triangle|\\bigtriangleup|:)\s*$")
_RELATION_BASE = re.compile(r"^\s*(?:=|\\approx|\\equiv|\\sim|\\leftarrow|\\rightarrow|\\to)\s*$")
_OPT_NAME = re.compile(r"^\s*\\(arg\s*\\?(?:min|max)|argmin|argmax|min|max|operatorname\*?\s*\{\s*arg\s*\\?,?\s*(?:min|max)\s*\}|"
                       r"mathop\s*\{\s*\\rm\s+arg\s*\\?,?\s*(?:min|max)\s*\})\s*$")


def _blanked(text: str, i: int, j: int, blank: list[int]) -> str:
    """``text[i:j]`` with the positions of ``blank`` (a heap) that fall in it made spaces (and taken off the heap)."""
    if not blank or blank[0] >= j:
        return text[i:j]
    chunk = list(text[i:j])
    while blank and blank[0] < j:
        p = heapq.heappop(blank)
        if p >= i:
            chunk[p - i] = " "
    return "".join(chunk)


_RELATION_INSIDE = re.compile(r"=|\\(?:approx|leftarrow|gets|coloneqq|implies|Rightarrow)(?![A-Za-z])")
#: accents that stand on one letter, with its scripts written inside the braces (\overline{W^{(1)}}, \hat{y_k})
ACCENT_SCRIPTS = frozenset({"bar", "hat", "widehat", "tilde", "widetilde"})
_SCRIPTED_ARG = re.compile(r"\s*\{\s*((?:\\(?:math(?:bf|it|rm)|boldsymbol|bm)\s*(?:\{\s*[A-Za-z]\s*\}|\s[A-Za-z]))|[A-Za-z])\s*"
                           r"((?:[_^]\s*(?:\{[^{}]{0,30}\}|[A-Za-z0-9])\s*){1,2})\}")


def _nothing(part: str) -> bool:
    """Whether ``part`` holds no mathematics (spaces, spacing macros, punctuation)."""
    return not _SPACING_ONLY.sub("", part).strip(" ,.;:")


#: characters a frame's group is looked through for a relation (\boxed{a = b})
FRAME_LOOKAHEAD = 400


def _group_end(s: str, j: int, limit: int | None = None) -> int | None:
    """The index after the argument at ``j`` (spaces skipped): a balanced brace group, a command, or one character;
    ``j`` itself when nothing follows. With ``limit``, None when a group does not close within ``limit`` characters."""
    n = len(s) if limit is None else min(len(s), j + limit)
    while j < n and s[j] == " ":
        j += 1
    if j >= n:
        return j
    if s[j] == "{":
        depth, k = 0, j
        while k < n:
            ch = s[k]
            if ch == "\\":
                k += 2
                continue
            depth += {"{": 1, "}": -1}.get(ch, 0)
            k += 1
            if depth == 0:
                return k
        return n if limit is None else None
    if s[j] == "\\":
        m = _CMD.match(s, j)
        return m.end() if m else j + 2
    return j + 1


def _optional(s: str, j: int) -> int:
    """The index after an optional argument ``[…]`` at ``j`` (at most 40 characters), else ``j``."""
    k = j
    while k < len(s) and s[k] == " ":
        k += 1
    if k < len(s) and s[k] == "[":
        close = s.find("]", k, k + 42)
        if close > 0:
            return close + 1
    return j


def _inner(arg: str) -> str:
    return arg[1:-1] if arg.startswith("{") and arg.endswith("}") else arg


#: a case's condition word written in the answer's language (lmToT27's Vietnamese \\text{nếu } i = j, \\text{ngược lại}):
#: the English word the cases reader knows (French si/sinon and German falls/wenn/sonst it reads as they are)
CASE_WORDS = {
    **dict.fromkeys(("nếu", "khi", "se", "si", "если", "при", "如果", "若", "当", "もし", "jeśli", "gdy", "als", "wenn",
                     "falls", "quando", "cuando", "lorsque", "quand"), "if"),
    **dict.fromkeys(("ngược lại", "còn lại", "trường hợp khác", "caso contrário", "senão", "de lo contrario",
                     "en otro caso", "si no", "en caso contrario", "sinon", "autrement", "sonst", "andernfalls",
                     "иначе", "в противном случае", "否则", "其他", "其它", "其他情况", "それ以外", "その他", "altrimenti",
                     "anders", "w przeciwnym razie", "w innym przypadku"), "otherwise"),
}
_TEXT_WORD = re.compile(r"\\(?:text|textrm|textnormal|mbox|textit)\s*\{([^{}\\]{1,40})\}")


def _case_word(m: re.Match) -> str:
    word = " ".join(m.group(1).split()).strip(" ,:;.").lower()
    english = CASE_WORDS.get(word)
    return m.group(0) if english is None else f"\\text{{ {english} }}"


def rewrite(text: str) -> str:
    """``text`` with the inventory's layout read: drop-class macros removed with their arguments, keep-class ones
    replaced by their mathematics in braces, fonts spelled as normalize reads them, definitions as ``:=``, an
    annotated relation (``\\stackrel{def}{=}``, ``\\overset{(a)}{=}``) as its relation, ``\\underset{x}{\\arg\\min}``
    as an optimum, a case's condition word in another language as the English one. One forward pass: each macro's
    arguments are walked over once."""
    if "\\" not in text:
        return text
    if not text.isascii() and "\\text" in text or "\\mbox" in text:
        text = _TEXT_WORD.sub(_case_word, text)
    out, i, n = [], 0, len(text)
    blank: list[int] = []  # closing braces of frames around a whole equation, met later in the forward pass
    budget = 2 * n + 4 * FRAME_LOOKAHEAD  # characters looked ahead for frames in all: the pass stays linear
    math = False  # whether mathematics came before (a leading \\therefore or \\implies is dropped)
    while i < n:
        at = text.find("\\", i)
        if at < 0:
            out.append(_blanked(text, i, n, blank))
            break
        piece = _blanked(text, i, at, blank)
        math = math or not _nothing(piece)
        out.append(piece)
        m = _CMD.match(text, at)
        if m is None:
            out.append(text[at:at + 2])
            i = at + 2
            continue
        name, j = m.group(1), m.end()
        if name.endswith("*") and name not in CLASS:
            name, j = name[:-1], j - 1
        if name in DROP:
            j = _optional(text, j) if name in OPTIONAL else j
            for _ in range(DROP[name]):
                j = _group_end(text, j)
            out.append(" ")
        elif name in DIMENSION:
            d = _DIM.match(text, j)
            j = d.end() if d else _group_end(text, j)
            out.append(" ")
        elif name in KEEP:  # the mathematics (the next group) stays where it is and is read on
            j = _optional(text, j) if name in OPTIONAL else j
            for _ in range(KEEP[name]):
                j = _group_end(text, j)
            out.append(" ")
            k = j
            while k < n and text[k] == " ":
                k += 1
            end = _group_end(text, k, FRAME_LOOKAHEAD) if k < n and text[k] == "{" and budget > 0 else None
            budget -= FRAME_LOOKAHEAD
            if end is not None and _RELATION_INSIDE.search(text, k, end):
                # \boxed{a = b}: a whole equation in the frame, not a group
                heapq.heappush(blank, end - 1)
                j = k + 1
        elif name in ACCENT_SCRIPTS and (arg := _SCRIPTED_ARG.match(text, j)):
            out.append(f"\\{FONT_ALIASES.get(name, name)}{{{arg.group(1)}}}{arg.group(2)}")
            j = arg.end()  # \overline{W^{(1)}}, \hat{y_k}: the accent on the letter, the scripts after it
        elif name in IMPLIES and (not math or len(text) - j < 60 and _nothing(text[j:])):
            out.append(" ")  # \therefore x = …, an equation ending in \implies: a statement on its own
        elif name in FONT_ALIASES:
            out.append("\\" + FONT_ALIASES[name])
        elif name in ("stackrel", "overset", "underset", "buildrel"):
            over_end = _group_end(text, j, FRAME_LOOKAHEAD) if budget > 0 else None
            base_end = _group_end(text, over_end, FRAME_LOOKAHEAD) if over_end is not None else None
            budget -= 2 * FRAME_LOOKAHEAD
            over = _inner(text[j:over_end].strip()) if base_end is not None else ""
            base = _inner(text[over_end:base_end].strip()) if base_end is not None else ""
            if base_end is None:  # not closed nearby (or the look-ahead budget spent): left as written
                out.append(f"\\{name}")
                i = j
                continue
            if _RELATION_BASE.match(base):
                defines = _DEF_NOTE.match(over) or _DEF_NOTE_BARE.match(over)
                out.append(" := " if defines and base.strip() == "=" else f" {base.strip()} ")
            elif name == "underset" and _OPT_NAME.match(base):
                out.append(r" \argmin_{" + over + "} ")
            else:
                out.append(f"\\{name}")
                i = j
                continue
            j = base_end
        elif name in DEFINE and name not in ("stackrel", "overset", "underset", "buildrel", "xlongequal"):
            out.append(" =: " if name.lower().startswith(("eqq", "eqc", "equalsc")) else " := ")
        else:
            out.append(text[at:j])
            math = True
        i = j
    return "".join(out)


_SPLIT = re.compile(r"\\(" + "|".join(sorted(IMPLIES, key=len, reverse=True)) + r")(?![A-Za-z])")


def split_top_level(latex: str, separator: re.Pattern) -> list[str]:
    """``latex`` split at each match of ``separator`` outside braces, brackets and environments (a command's own
    character, ``\\,`` or ``\\{``, is never a separator or a bracket). Linear: one pass over the text."""
    parts, depth, start, i, n = [], 0, 0, 0, len(latex)
    while i < n:
        m = separator.match(latex, i) if depth == 0 else None
        if m and m.end() > i:
            parts.append(latex[start:i])
            i = start = m.end()
            continue
        ch = latex[i]
        if ch == "\\":
            if latex.startswith("\\begin", i):
                depth += 1
            elif latex.startswith("\\end", i):
                depth -= 1
            i += 2
            continue
        if ch in "{([":
            depth += 1
        elif ch in "})]":
            depth -= 1
        i += 1
    parts.append(latex[start:])
    return parts


def split_statements(latex: str) -> list[str]:
    """The statements a claim joins with implications, split at ``\\implies``, ``\\Rightarrow``, ``\\therefore`` …
    outside braces, brackets and environments (``A = B \\implies C = D`` -> ``A = B``, ``C = D``); empty parts (a
    leading ``\\therefore``) are left out; two equations an arrow chains are two statements too
    (``split_arrow_definitions``). Linear: one pass over the text."""
    if "\\" not in latex or not _SPLIT.search(latex):
        return split_arrow_definitions(latex)
    parts = split_top_level(latex, _SPLIT)
    return [q for p in parts if not _nothing(rewrite(p)) for q in split_arrow_definitions(p)]  # (\Large \implies …)


_ARROW = re.compile(r"\\(?:longrightarrow|rightarrow|to)(?![A-Za-z])")


def split_arrow_definitions(latex: str) -> list[str]:
    r"""Two equations an arrow chains, ``z = w^T x + b \rightarrow a = g(z)`` (liangguangyii's node: then a = g(z)):
    split at an arrow outside braces, brackets and environments when an ``=`` stands on both sides of it. An update
    ``w \rightarrow w' = w - \eta \partial C/\partial w`` (no ``=`` before its arrow) stays whole. Linear: one pass."""
    if "\\" not in latex or not _ARROW.search(latex):
        return [latex]
    parts = split_top_level(latex, _ARROW)
    if len(parts) < 2 or not all("=" in p for p in parts):
        return [latex]
    return parts


_SPACING_ONLY = re.compile(r"\\(?:q?quad|[,;:! ])|~|&")
