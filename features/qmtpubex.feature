Feature: AT+QMTPUBEX — publish messages (spec 3.3.8)

  After the > prompt the host enters <length> bytes; the module publishes them and reports
  +QMTPUBEX: <idx>,<msgid>,<result>. Bytes typed beyond <length> are deleted (§3.3.8): they are
  neither published nor read as the next command line. <msgid> is 0~65535 and "0 only when
  <qos>=0"; QoS 1/2 never take 0. At most 1500 bytes per input (note 2). At most five messages
  in transmission (note 1: sliding window of 5), a sixth is ERROR.
  Readings this feature depends on (each accepted and recorded; anything else fails):
  - A4: a QoS 0 publish is reported as +QMTPUBEX: <idx>,<msgid>,0 (example 5.1) or not at all
    (figure 1); a result other than 0 for it is never allowed.
  - A26: a QoS 0 <msgid> other than 0 is accepted ("may-zero") or ERROR ("must-zero"); the
    scenario for the other reading is then not applicable.
  - A28: a <length> above 1500 is ERROR before the prompt, or clipped to 1500 bytes.
  - A20: the retransmission scenarios first observe how many PUBLISH / PUBREL reached the
    broker, before any deadline; their continuation is written for "after-first" (result 2
    after pkt_timeout x (retry_times + 1), later than the maximum response time, so given).
  - A8: no stated default for <send_mode> / <recv_mode>: the Background sets string mode.

  Background:
    Given client 0 sends and receives MQTT payloads as text

  Rule: A publish puts a PUBLISH with the topic, payload, QoS and retain flag on the wire

    @spec:3.3.8:set @spec:3.3.8:result=0 @spec:3.3.8:prompt @spec:3.3.8:qos0-msgid @spec:3.3.8:qos:range
    Scenario: Client 0 publishes at QoS 0
      Given client 0 is connected to the broker as "qmt-pub"
      When the host sends AT+QMTPUBEX=0,0,0,0,"qmt/pub/0",5 with payload "hello"
      Then the module answers OK
      And by reading A4 the module reports one of:
        | urc    | +QMTPUBEX: 0,0,0                |
        | no-urc | no +QMTPUBEX within 2 seconds   |
      And the broker receives a PUBLISH with:
        | topic     | qmt/pub/0 |
        | payload   | hello     |
        | qos       | 0         |
        | retain    | 0         |
        | packet id | (absent)  |

    @spec:3.3.8:set @spec:3.3.8:result=0 @spec:3.3.8:prompt @spec:3.3.8:max-response-time
    @spec:3.3.8:qos:range
    Scenario Outline: Client 0 publishes at QoS <qos>
      Given client 0 is connected to the broker as "qmt-pub"
      When the host sends AT+QMTPUBEX=0,<msgid>,<qos>,<retain>,"qmt/pub/<qos>",5 with payload "hello"
      Then the module answers OK
      And the module reports +QMTPUBEX: 0,<msgid>,0
      And the broker receives a PUBLISH with:
        | topic   | qmt/pub/<qos> |
        | payload | hello         |
        | qos     | <qos>         |
        | retain  | <retain>      |

      @spec:3.3.8:qos1-flow @spec:3.3.8:retain
      Examples: QoS 1, retained
        | qos | msgid | retain |
        | 1   | 11    | 1      |

      @spec:3.3.8:qos2-flow
      Examples: QoS 2
        | qos | msgid | retain |
        | 2   | 12    | 0      |

    @spec:3.3.8:qos:range
    Scenario Outline: AT+QMTPUBEX at <qos> <qos> is refused with ERROR before the prompt
      Given client 0 is connected to the broker as "qmt-pub-qos-bad"
      When the host sends AT+QMTPUBEX=0,1,<qos>,0,"qmt/pub/qos",5 with payload "hello"
      Then the module answers ERROR
      And no +QMTPUBEX URC arrives within 2 seconds
      And the broker receives no PUBLISH within 1 second

      Examples: out of range or not a number
        | qos |
        | 3   |
        | -1  |
        | x   |

  Rule: <msgid> is 1~65535 for QoS 1 and 2; 0 belongs to QoS 0 (A26)

    @spec:3.3.8:msgid:range @spec:3.3.8:set @spec:3.3.8:result=0
    Scenario Outline: AT+QMTPUBEX at QoS <qos> with <msgid> <msgid> is published with that packet id
      Given client 0 is connected to the broker as "qmt-pub-msgid"
      When the host sends AT+QMTPUBEX=0,<msgid>,<qos>,0,"qmt/pub/id",5 with payload "hello"
      Then the module answers OK
      And the module reports +QMTPUBEX: 0,<msgid>,0
      And the broker receives a PUBLISH with:
        | packet id | <msgid> |
        | qos       | <qos>   |

      Examples: in range
        | qos | msgid |
        | 1   | 1     |
        | 1   | 65535 |
        | 2   | 65535 |

    @spec:3.3.8:msgid:range @spec:3.3.8:qos0-msgid
    Scenario Outline: AT+QMTPUBEX at QoS 0 with <msgid> <msgid> is accepted
      Given client 0 is connected to the broker as "qmt-pub-msgid0"
      When the host sends AT+QMTPUBEX=0,<msgid>,0,0,"qmt/pub/id0",5 with payload "hello"
      Then the module answers OK
      And by reading A4 the module reports one of:
        | urc    | +QMTPUBEX: 0,<msgid>,0        |
        | no-urc | no +QMTPUBEX within 2 seconds |
      And the broker receives a PUBLISH with:
        | qos       | 0        |
        | packet id | (absent) |

      Examples: in range, any reading
        | msgid |
        | 0     |

    @spec:3.3.8:msgid:range @spec:3.3.8:qos0-msgid @reading:A26=may-zero
    Scenario Outline: AT+QMTPUBEX at QoS 0 with <msgid> <msgid> is accepted
      Given client 0 is connected to the broker as "qmt-pub-msgid0"
      When the host sends AT+QMTPUBEX=0,<msgid>,0,0,"qmt/pub/id0",5 with payload "hello"
      Then by reading A26 the module answers one of:
        | may-zero  | OK    |
        | must-zero | ERROR |
      And by reading A4 the module reports one of:
        | urc    | +QMTPUBEX: 0,<msgid>,0        |
        | no-urc | no +QMTPUBEX within 2 seconds |
      And the broker receives a PUBLISH with:
        | qos       | 0        |
        | packet id | (absent) |

      Examples: in range when a QoS 0 msgid may be non-zero (A26 may-zero)
        | msgid |
        | 7     |
        | 65535 |

    @spec:3.3.8:msgid:range
    Scenario Outline: AT+QMTPUBEX at QoS <qos> with <msgid> <msgid> is refused with ERROR
      Given client 0 is connected to the broker as "qmt-pub-msgid-bad"
      When the host sends AT+QMTPUBEX=0,<msgid>,<qos>,0,"qmt/pub/id",5 with payload "hello"
      Then the module answers ERROR
      And no +QMTPUBEX URC arrives within 2 seconds
      And the broker receives no PUBLISH within 1 second

      Examples: out of range or not a number
        | qos | msgid |
        | 1   | 0     |
        | 2   | 0     |
        | 1   | 65536 |
        | 1   | -1    |
        | 1   | x     |

    @spec:3.3.8:msgid:range @spec:3.3.8:qos0-msgid @reading:A26=must-zero
    Scenario Outline: AT+QMTPUBEX at QoS <qos> with <msgid> <msgid> is refused with ERROR
      Given client 0 is connected to the broker as "qmt-pub-msgid-bad"
      When the host sends AT+QMTPUBEX=0,<msgid>,<qos>,0,"qmt/pub/id",5 with payload "hello"
      Then by reading A26 the module answers one of:
        | may-zero  | OK    |
        | must-zero | ERROR |
      And no +QMTPUBEX URC arrives within 2 seconds
      And the broker receives no PUBLISH within 1 second

      Examples: out of range when a QoS 0 msgid must be 0 (A26 must-zero)
        | qos | msgid |
        | 0   | 7     |

  Rule: Bytes typed beyond <length> are deleted, not published (spec 3.3.8 set command)

    @spec:3.3.8:prompt @spec:3.3.8:set @spec:3.3.8:result=0
    Scenario: A payload typed longer than <length> is published cut to <length> bytes
      Given client 0 is connected to the broker as "qmt-pub-extra"
      When the host sends AT+QMTPUBEX=0,17,1,0,"qmt/pub/extra",5 with payload "helloEXTRA"
      Then the module answers OK
      And the module reports +QMTPUBEX: 0,17,0
      And the broker receives a PUBLISH with:
        | topic          | qmt/pub/extra |
        | packet id      | 17            |
        | payload        | hello         |
        | payload length | 5             |
      # "deleted": the surplus must not be read as the start of the next command line either
      When the host sends AT+QMTPUBEX=?
      Then the module answers, spacing aside:
        """
        +QMTPUBEX: (0-5),<msgid>,(0-2),(0,1),"topic","length"
        OK
        """

  Rule: At most 1500 bytes of payload per input (note 2)

    @spec:3.3.8:max-input @spec:3.3.8:prompt
    Scenario: A 1500-byte payload is published whole
      Given client 0 is connected to the broker as "qmt-pub-1500"
      When the host sends AT+QMTPUBEX=0,15,1,0,"qmt/pub/big",1500 with a payload of 1500 bytes
      Then the module answers OK
      And the module reports +QMTPUBEX: 0,15,0
      And the broker receives a PUBLISH with:
        | packet id      | 15   |
        | payload length | 1500 |

    @spec:3.3.8:max-input @reading:A28=error
    Scenario: A <length> of 1501 is refused with ERROR before the prompt
      Given client 0 is connected to the broker as "qmt-pub-1501"
      When the host sends AT+QMTPUBEX=0,16,1,0,"qmt/pub/big",1501 with a payload of 1501 bytes
      Then by reading A28 the module answers one of:
        | error | ERROR |
        | clip  | OK    |
      And the broker receives no PUBLISH within 1 second

    @spec:3.3.8:max-input @reading:A28=clip
    Scenario: A <length> of 1501 is clipped to 1500 bytes
      Given client 0 is connected to the broker as "qmt-pub-1501-clip"
      When the host sends AT+QMTPUBEX=0,16,1,0,"qmt/pub/big",1501 with a payload of 1501 bytes
      Then by reading A28 the module answers one of:
        | error | ERROR |
        | clip  | OK    |
      And the module reports +QMTPUBEX: 0,16,0
      And the broker receives a PUBLISH with:
        | payload length | 1500 |

  Rule: With ATE1 the data typed after > may come back (reading payload-echo); with ATE0 it never does

    # ATE1 (V.25ter) echoes the command line; the note does not say whether the data typed after
    # the > prompt is echoed too (src/variants/readings.ts payload-echo: no log in
    # docs/field-evidence.md shows it either way). The AT reader takes either, and the message published is the
    # payload alone. With ATE0 nothing may come back.
    @spec:3.3.8:set
    Scenario: With echo on the payload may be echoed, with echo off it is not
      Given client 0 is connected to the broker as "qmt-pub-echo"
      When the host sends ATE1
      Then the module answers OK
      When the host sends AT+QMTPUBEX=0,21,1,0,"qmt/pub/echo",5 with payload "hello"
      Then the module answers OK
      And by reading payload-echo the module echoed the payload or not
      And the module reports +QMTPUBEX: 0,21,0
      When the host sends ATE0
      Then the module answers OK
      When the host sends AT+QMTPUBEX=0,22,1,0,"qmt/pub/echo",5 with payload "quiet"
      Then the module answers OK
      And the module did not echo the payload
      And the module reports +QMTPUBEX: 0,22,0
      And the broker receives a PUBLISH with:
        | packet id | 21    |
        | payload   | hello |

  Rule: At most five messages are in transmission (note 1: sliding window of 5)

    @spec:3.3.8:window @spec:3.3.8:result=0
    Scenario: Five QoS 1 publishes without PUBACK are in flight; the sixth is ERROR until one is acknowledged
      When the host sends AT+QMTCFG="timeout",0,60,3,0
      Then the module answers OK
      Given the broker withholds PUBACK
      And client 0 is connected to the broker as "qmt-pub-window"
      When the host sends AT+QMTPUBEX=0,1,1,0,"qmt/pub/window",2 with payload "m1"
      Then the module answers OK
      When the host sends AT+QMTPUBEX=0,2,1,0,"qmt/pub/window",2 with payload "m2"
      Then the module answers OK
      When the host sends AT+QMTPUBEX=0,3,1,0,"qmt/pub/window",2 with payload "m3"
      Then the module answers OK
      When the host sends AT+QMTPUBEX=0,4,1,0,"qmt/pub/window",2 with payload "m4"
      Then the module answers OK
      When the host sends AT+QMTPUBEX=0,5,1,0,"qmt/pub/window",2 with payload "m5"
      Then the module answers OK
      When the host sends AT+QMTPUBEX=0,6,1,0,"qmt/pub/window",2 with payload "m6"
      Then the module answers ERROR
      And the broker receives no PUBLISH with packet id 6 within 1 second
      Given the broker no longer withholds PUBACK
      Then within 61 seconds the module reports +QMTPUBEX: 0,1,0
      When the host sends AT+QMTPUBEX=0,6,1,0,"qmt/pub/window",2 with payload "m6"
      Then the module answers OK
      And the module reports +QMTPUBEX: 0,6,0

  Rule: An unacknowledged publish is retransmitted (figure 1 T1, Excep2) and finally reported as failed

    @spec:3.3.8:result=1 @spec:2:timeout-notice @reading:A20=after-first
    Scenario: With timeout_notice 1 each retransmission of a QoS 1 PUBLISH without PUBACK is reported
      When the host sends AT+QMTCFG="timeout",0,2,2,1
      Then the module answers OK
      Given the broker withholds PUBACK
      And client 0 is connected to the broker as "qmt-pub-retry"
      When the host sends AT+QMTPUBEX=0,21,1,0,"qmt/pub/retry",5 with payload "hello"
      Then the module answers OK
      And by reading A20 the broker receives the PUBLISH with packet id 21 one of:
        | after-first     | 3 times, 2 seconds apart |
        | including-first | 2 times, 2 seconds apart |
      And the module reports +QMTPUBEX: 0,21,1,1
      And the module reports +QMTPUBEX: 0,21,1,2
      And within 6 seconds the module reports +QMTPUBEX: 0,21,2

    @spec:3.3.8:result=1 @spec:2:timeout-notice @reading:A20=including-first
    Scenario: With timeout_notice 1 each retransmission of a QoS 1 PUBLISH without PUBACK is reported (A20 including-first)
      When the host sends AT+QMTCFG="timeout",0,2,2,1
      Then the module answers OK
      Given the broker withholds PUBACK
      And client 0 is connected to the broker as "qmt-pub-retry"
      When the host sends AT+QMTPUBEX=0,21,1,0,"qmt/pub/retry",5 with payload "hello"
      Then the module answers OK
      And by reading A20 the broker receives the PUBLISH with packet id 21 one of:
        | after-first     | 3 times, 2 seconds apart |
        | including-first | 2 times, 2 seconds apart |
      And the module reports +QMTPUBEX: 0,21,1,1
      And the module never reports +QMTPUBEX: 0,21,1,2 within 1 second
      And within 4 seconds the module reports +QMTPUBEX: 0,21,2

    @spec:3.3.8:result=2 @spec:2:retransmission @reading:A20=after-first
    Scenario: With timeout_notice 0 a QoS 1 PUBLISH never acknowledged ends in result 2 after 4 sends
      When the host sends AT+QMTCFG="timeout",0,1,3,0
      Then the module answers OK
      Given the broker withholds PUBACK
      And client 0 is connected to the broker as "qmt-pub-fail"
      When the host sends AT+QMTPUBEX=0,22,1,0,"qmt/pub/fail",5 with payload "hello"
      Then the module answers OK
      And by reading A20 the broker receives the PUBLISH with packet id 22 one of:
        | after-first     | 4 times, 1 seconds apart |
        | including-first | 3 times, 1 seconds apart |
      And within 4 seconds the module reports +QMTPUBEX: 0,22,2
      And the broker receives the PUBLISH with packet id 22 4 times, 1 second apart

  Rule: QoS 2 is PUBLISH, PUBREC, PUBREL, PUBCOMP with one packet id, each request under T1 (figure 1, 2.h)

    @spec:3.3.8:qos2-flow @spec:3.3.8:result=0
    Scenario: A QoS 2 publish completes the four-packet exchange before +QMTPUBEX reports result 0
      Given client 0 is connected to the broker as "qmt-pub-qos2"
      When the host sends AT+QMTPUBEX=0,12,2,0,"qmt/pub/two",5 with payload "hello"
      Then the module answers OK
      And the module reports +QMTPUBEX: 0,12,0
      And the packets with packet id 12 are, in order:
        | module -> broker | PUBLISH |
        | broker -> module | PUBREC  |
        | module -> broker | PUBREL  |
        | broker -> module | PUBCOMP |

    @spec:3.3.8:qos2-flow @spec:3.3.8:result=1 @spec:3.3.8:result=2 @spec:2:retransmission @reading:A20=after-first
    Scenario: Without PUBCOMP the PUBREL (not the PUBLISH) is retransmitted, then result 2
      When the host sends AT+QMTCFG="timeout",0,2,2,1
      Then the module answers OK
      Given the broker withholds PUBCOMP
      And client 0 is connected to the broker as "qmt-pub-pubrel"
      When the host sends AT+QMTPUBEX=0,13,2,0,"qmt/pub/pubrel",5 with payload "hello"
      Then the module answers OK
      And by reading A20 the broker receives the PUBREL with packet id 13 one of:
        | after-first     | 3 times, 2 seconds apart |
        | including-first | 2 times, 2 seconds apart |
      And the module reports +QMTPUBEX: 0,13,1,1
      And within 6 seconds the module reports +QMTPUBEX: 0,13,2
      And the broker receives the PUBREL with packet id 13 3 times, 2 seconds apart
      And the broker receives the PUBLISH with packet id 13 only once
