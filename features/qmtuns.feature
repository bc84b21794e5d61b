Feature: AT+QMTUNS — unsubscribe from topics (spec 3.3.7)

  AT+QMTUNS=<client_idx>,<msgid>,<topic1>[,<topic2>…] answers OK, sends one UNSUBSCRIBE and
  reports +QMTUNS: <client_idx>,<msgid>,<result>[,<value>]; <msgid> is 1~65535.
  Readings this feature depends on:
  - A25: after result 0, +QMTUNS carries no <value> (example 5.1: +QMTUNS: 0,2,0) or a "vector
    of granted QoS" (§3.3.7, copied from §3.3.6), one value per topic. Either is accepted and
    recorded; any other field count is non-conformance. The result keeps its maximum response time.
  - A20: whether <retry_times> counts the first send. The retransmission scenarios first observe
    how many UNSUBSCRIBE reached the broker; their continuation is written for "after-first"
    (retry_times + 1 sends, result 2 after pkt_timeout x (retry_times + 1)).
  The test line is the §3.3.7 syntax, white space outside quotes aside (typesetting, noted).

  Rule: An unsubscription is sent as UNSUBSCRIBE and reported with result 0

    @spec:3.3.7:set @spec:3.3.7:result=0 @spec:3.3.7:max-response-time
    Scenario: Client 0 unsubscribes from a topic
      Given client 0 is connected to the broker as "qmt-uns"
      And client 0 has subscribed to "qmt/uns/one" at QoS 0
      When the host sends AT+QMTUNS=0,8,"qmt/uns/one"
      Then the module answers OK
      # A25 "value": spec 3.3.7 calls <value> "a vector of granted QoS", which an UNSUBACK (MQTT 3.1.1 §3.11)
      # does not carry; the note gives each field no value, so `*` (one per topic) is left open.
      And by reading A25 the module reports one of:
        | no-value | +QMTUNS: 0,8,0   |
        | value    | +QMTUNS: 0,8,0,* |
      And the broker receives an UNSUBSCRIBE with:
        | packet id       | 8           |
        | unsubscriptions | qmt/uns/one |

    @spec:3.3.7:multi-topic @spec:3.3.7:set @spec:3.3.7:result=0
    Scenario: Two topics in one command make one UNSUBSCRIBE
      Given client 0 is connected to the broker as "qmt-uns-multi"
      When the host sends AT+QMTSUB=0,1,"qmt/uns/a",1,"qmt/uns/b",1
      Then the module answers OK
      And the module reports +QMTSUB: 0,1,0,1,1
      When the host sends AT+QMTUNS=0,6,"qmt/uns/a","qmt/uns/b"
      Then the module answers OK
      # A25 "value": spec 3.3.7 calls <value> "a vector of granted QoS", which an UNSUBACK (MQTT 3.1.1 §3.11)
      # does not carry; the note gives each field no value, so `*` (one per topic) is left open.
      And by reading A25 the module reports one of:
        | no-value | +QMTUNS: 0,6,0     |
        | value    | +QMTUNS: 0,6,0,*,* |
      And the broker receives an UNSUBSCRIBE with:
        | packet id       | 6                   |
        | unsubscriptions | qmt/uns/a qmt/uns/b |

    @spec:3.3.7:multi-topic @spec:3.3.7:result=0 @reading:A25=value
    Scenario: Two topics in one command are reported with one value per topic
      Given client 0 is connected to the broker as "qmt-uns-multi-value"
      When the host sends AT+QMTSUB=0,1,"qmt/uns/a",0,"qmt/uns/b",1
      Then the module answers OK
      And the module reports +QMTSUB: 0,1,0,0,1
      When the host sends AT+QMTUNS=0,6,"qmt/uns/a","qmt/uns/b"
      Then the module answers OK
      # A25 "value": spec 3.3.7 calls <value> "a vector of granted QoS", which an UNSUBACK (MQTT 3.1.1 §3.11)
      # does not carry; the note gives each field no value, so `*` (one per topic) is left open.
      And by reading A25 the module reports one of:
        | no-value | +QMTUNS: 0,6,0     |
        | value    | +QMTUNS: 0,6,0,*,* |
      And the broker receives an UNSUBSCRIBE with:
        | unsubscriptions | qmt/uns/a qmt/uns/b |

  Rule: The test command reports the syntax

    @spec:3.3.7:test
    Scenario: AT+QMTUNS=? lists the client range, msgid and topics
      When the host sends AT+QMTUNS=?
      Then the module answers, spacing aside:
        """
        +QMTUNS: (0-5),<msgid>, list of ["topic"]
        OK
        """

  Rule: <msgid> is 1~65535; anything else is ERROR

    @spec:3.3.7:msgid:range @spec:3.3.7:set
    Scenario Outline: AT+QMTUNS with <msgid> <msgid> is accepted and sent as packet id <msgid>
      Given client 0 is connected to the broker as "qmt-uns-msgid"
      When the host sends AT+QMTUNS=0,<msgid>,"qmt/uns/id"
      Then the module answers OK
      # A25 "value": spec 3.3.7 calls <value> "a vector of granted QoS", which an UNSUBACK (MQTT 3.1.1 §3.11)
      # does not carry; the note gives each field no value, so `*` (one per topic) is left open.
      And by reading A25 the module reports one of:
        | no-value | +QMTUNS: 0,<msgid>,0   |
        | value    | +QMTUNS: 0,<msgid>,0,* |
      And the broker receives an UNSUBSCRIBE with:
        | packet id | <msgid> |

      Examples: in range
        | msgid |
        | 1     |
        | 65535 |

    @spec:3.3.7:msgid:range
    Scenario Outline: AT+QMTUNS with <msgid> <msgid> is refused with ERROR
      Given client 0 is connected to the broker as "qmt-uns-msgid-bad"
      When the host sends AT+QMTUNS=0,<msgid>,"qmt/uns/id"
      Then the module answers ERROR
      And no +QMTUNS URC arrives within 2 seconds

      Examples: out of range or not a number
        | msgid |
        | 0     |
        | 65536 |
        | -1    |
        | x     |

  Rule: An unacknowledged UNSUBSCRIBE is retransmitted (figure 1 T1, Excep2) and finally reported as failed

    @spec:3.3.7:result=1 @spec:2:timeout-notice @reading:A20=after-first
    Scenario: With timeout_notice 1 each retransmission of an UNSUBSCRIBE without UNSUBACK is reported
      When the host sends AT+QMTCFG="timeout",0,2,2,1
      Then the module answers OK
      Given the broker withholds UNSUBACK
      And client 0 is connected to the broker as "qmt-uns-retry"
      When the host sends AT+QMTUNS=0,3,"qmt/uns/retry"
      Then the module answers OK
      And by reading A20 the broker receives the UNSUBSCRIBE with packet id 3 one of:
        | after-first     | 3 times, 2 seconds apart |
        | including-first | 2 times, 2 seconds apart |
      And the module reports +QMTUNS: 0,3,1,1
      And the module reports +QMTUNS: 0,3,1,2
      And within 6 seconds the module reports +QMTUNS: 0,3,2

    @spec:3.3.7:result=1 @spec:2:timeout-notice @reading:A20=including-first
    Scenario: With timeout_notice 1 each retransmission of an UNSUBSCRIBE without UNSUBACK is reported (A20 including-first)
      When the host sends AT+QMTCFG="timeout",0,2,2,1
      Then the module answers OK
      Given the broker withholds UNSUBACK
      And client 0 is connected to the broker as "qmt-uns-retry"
      When the host sends AT+QMTUNS=0,3,"qmt/uns/retry"
      Then the module answers OK
      And by reading A20 the broker receives the UNSUBSCRIBE with packet id 3 one of:
        | after-first     | 3 times, 2 seconds apart |
        | including-first | 2 times, 2 seconds apart |
      And the module reports +QMTUNS: 0,3,1,1
      And the module never reports +QMTUNS: 0,3,1,2 within 1 second
      And within 4 seconds the module reports +QMTUNS: 0,3,2

    @spec:3.3.7:result=2 @spec:2:retransmission @reading:A20=after-first
    Scenario: With timeout_notice 0 an UNSUBSCRIBE never acknowledged ends in result 2 after 3 sends
      When the host sends AT+QMTCFG="timeout",0,1,2,0
      Then the module answers OK
      Given the broker withholds UNSUBACK
      And client 0 is connected to the broker as "qmt-uns-fail"
      When the host sends AT+QMTUNS=0,4,"qmt/uns/fail"
      Then the module answers OK
      And by reading A20 the broker receives the UNSUBSCRIBE with packet id 4 one of:
        | after-first     | 3 times, 1 seconds apart |
        | including-first | 2 times, 1 seconds apart |
      And within 3 seconds the module reports +QMTUNS: 0,4,2
      And the broker receives the UNSUBSCRIBE with packet id 4 3 times, 1 second apart
