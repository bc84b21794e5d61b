@area:qmtcfg @spec:3.1:syntax
Feature: AT command syntax — prefix, framing, echo and malformed input (spec 3.1.2)

  "The prefix AT or at must be at the beginning of each command line. Entering <CR> terminates a
  command line. Commands are usually followed by a response of the form <CR><LF><response><CR><LF>."
  The framing is checked on the raw bytes of the AT transcript: the harness's line reader forgives
  a bare <LF> so a sloppy module can still be tested, and these scenarios are where it is called
  out. Echo (ATE0 / ATE1) is V.25ter, outside the note, but a module that keeps echoing after ATE0
  breaks every table of the note. The note does not say what a malformed line answers; the
  harness expects ERROR (table 2 defines no other answer) and, above all, a module that keeps
  serving: the next AT answers OK. The simulator refuses lines longer than 1500 bytes (the note's
  largest input, 3.3.8 note 2); a real module's line buffer may be longer, so the overlong line
  carries a 1600-byte Will message, which is ERROR on any module (<willmessage> is 0~256 bytes).
  The note allows "AT or at" as the prefix only: the lower-case row keeps the command name in
  upper case, since nothing in the note makes "+qmtcfg" a name the module must know. No reading
  of the note changes these answers (no @reading tag, no "by reading" step).

  Rule: Command lines start with AT or at

    Scenario Outline: <command> is accepted with the <prefix> prefix
      When the host sends <command>
      Then the module answers:
        """
        <answer>
        OK
        """

      Examples: upper case AT
        | prefix | command                 | answer                     |
        | AT     | AT                      |                            |
        | AT     | AT+QMTCFG="keepalive",0 | +QMTCFG: "keepalive",120   |

      Examples: lower case at
        | prefix | command                 | answer                     |
        | at     | at                      |                            |
        | at     | at+QMTCFG="keepalive",0 | +QMTCFG: "keepalive",120   |

  Rule: Responses are framed <CR><LF>response<CR><LF>

    Scenario Outline: The answer to <command> is framed by CR LF on every line
      When the host sends <command>
      Then the module answers <final>
      And every line of the answer is framed by CR LF on both sides

      Examples: final result only
        | command                | final |
        | AT                     | OK    |
        | AT+QMTCFG="keepalive"  | ERROR |

      Examples: information line and final result
        | command                 | final |
        | AT+QMTCFG="keepalive",0 | OK    |
        | AT+QMTOPEN=?            | OK    |

  Rule: ATE0 stops the echo of command lines, ATE1 starts it

    Scenario: Echo follows ATE1 and ATE0
      When the host sends ATE1
      Then the module answers OK
      When the host sends AT+QMTCFG="keepalive",0
      Then the module answers:
        """
        +QMTCFG: "keepalive",120
        OK
        """
      And the module echoed the command
      When the host sends ATE0
      Then the module answers OK
      When the host sends AT+QMTCFG="keepalive",0
      Then the module answers:
        """
        +QMTCFG: "keepalive",120
        OK
        """
      And the module did not echo the command
      And every line of the answer is framed by CR LF on both sides

  Rule: A malformed command line answers ERROR and the module keeps serving

    Scenario Outline: <case> answers ERROR, then AT answers OK
      When the host sends <command>
      Then the module answers ERROR
      And every line of the answer is framed by CR LF on both sides
      When the host sends AT
      Then the module answers OK

      Examples: unknown command
        | case            | command                        |
        | unknown command | AT+QMTFOO=0                    |
        | no command name | AT+=0                          |

      Examples: missing quote
        | case                       | command                     |
        | sub-option without a quote | AT+QMTCFG="keepalive,0,60   |
        | host name without a quote  | AT+QMTOPEN=0,"127.0.0.1,1883 |

      Examples: wrong parameter count
        | case                   | command                 |
        | QMTOPEN without a port | AT+QMTOPEN=0,"127.0.0.1" |
        | QMTDISC with two       | AT+QMTDISC=0,1          |

      Examples: non-numeric value
        | case                    | command                        |
        | keep-alive as a word    | AT+QMTCFG="keepalive",0,sixty  |
        | client index as a word  | AT+QMTCFG="keepalive",zero,60  |

      Examples: non-ASCII bytes
        | case                           | command                     |
        | full-width digits (UTF-8)      | AT+QMTCFG="keepalive",0,６０ |
        | accented letter in the command | AT+QMTCFÉ="keepalive",0     |

    Scenario: A line longer than 1500 bytes answers ERROR, then AT answers OK
      When the host sends AT+QMTCFG="will",0,1,1,0,"qmt/will","{text:1600}"
      Then the module answers ERROR
      When the host sends AT
      Then the module answers OK
