Feature: AT+QMTUNS — unsubscribe from topics (spec 3.3.7)

  AT+QMTUNS=<client_idx>,<msgid>,<topic1>[,<topic2>…] answers OK, sends one UNSUBSCRIBE and
  reports +QMTUNS: <client_idx>,<msgid>,<result>[,<value>]; <msgid> is 1~65535.
  Whether +QMTUNS carries a <value> after result 0 is ambiguity A25; the profile's reading
  decides (the 5.1 example prints none). The test line is checked as the §3.3.7 syntax prints it.
  Result 2 comes after every send timed out: pkt_timeout x (retry_times + 1) under reading
  A20=after-first, so those scenarios give the time explicitly.

  Rule: An unsubscription is sent as UNSUBSCRIBE and reported with result 0

    @spec:3.3.7:set @spec:3.3.7:result=0 @spec:3.3.7:max-response-time @reading:A25=no-value
    Scenario: Client 0 unsubscribes from a topic
      Given client 0 is connected to the broker as "qmt-uns"
      And client 0 has subscribed to "qmt/uns/one" at QoS 0
      When the host sends AT+QMTUNS=0,8,"qmt/uns/one"
      Then the module answers OK
      And the module reports +QMTUNS: 0,8,0
      And the broker receives an UNSUBSCRIBE with:
        | packet id       | 8           |
        | unsubscriptions | qmt/uns/one |

    @spec:3.3.7:multi-topic @spec:3.3.7:set @spec:3.3.7:result=0 @reading:A25=no-value
    Scenario: Two topics in one command make one UNSUBSCRIBE
      Given client 0 is connected to the broker as "qmt-uns-multi"
      When the host sends AT+QMTSUB=0,1,"qmt/uns/a",1,"qmt/uns/b",1
      Then the module answers OK
      And the module reports +QMTSUB: 0,1,0,1,1
      When the host sends AT+QMTUNS=0,6,"qmt/uns/a","qmt/uns/b"
      Then the module answers OK
      And the module reports +QMTUNS: 0,6,0
      And the broker receives an UNSUBSCRIBE with:
        | packet id       | 6                   |
        | unsubscriptions | qmt/uns/a qmt/uns/b |

    @spec:3.3.7:multi-topic @spec:3.3.7:result=0 @reading:A25=value
    Scenario: Two topics in one command are reported with one value per topic
      Given client 0 is connected to the broker as "qmt-uns-multi-value"
      When the host sends AT+QMTUNS=0,6,"qmt/uns/a","qmt/uns/b"
      Then the module answers OK
      And the module reports +QMTUNS: 0,6,0,0,0
      And the broker receives an UNSUBSCRIBE with:
        | unsubscriptions | qmt/uns/a qmt/uns/b |

  Rule: The test command reports the syntax

    @spec:3.3.7:test
    Scenario: AT+QMTUNS=? lists the client range, msgid and topics
      When the host sends AT+QMTUNS=?
      Then the module answers:
        """
        +QMTUNS: (0-5),<msgid>, list of ["topic"]
        OK
        """

  Rule: <msgid> is 1~65535; anything else is ERROR

    @spec:3.3.7:msgid:range @spec:3.3.7:set @reading:A25=no-value
    Scenario Outline: AT+QMTUNS with <msgid> <msgid> is accepted and sent as packet id <msgid>
      Given client 0 is connected to the broker as "qmt-uns-msgid"
      When the host sends AT+QMTUNS=0,<msgid>,"qmt/uns/id"
      Then the module answers OK
      And the module reports +QMTUNS: 0,<msgid>,0
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
      And the module reports +QMTUNS: 0,3,1,1
      And the module reports +QMTUNS: 0,3,1,2
      And the module reports +QMTUNS: 0,3,2 within 6 seconds

    @spec:3.3.7:result=2 @spec:2:retransmission @reading:A20=after-first
    Scenario: With timeout_notice 0 an UNSUBSCRIBE never acknowledged ends in result 2 after 3 sends
      When the host sends AT+QMTCFG="timeout",0,1,2,0
      Then the module answers OK
      Given the broker withholds UNSUBACK
      And client 0 is connected to the broker as "qmt-uns-fail"
      When the host sends AT+QMTUNS=0,4,"qmt/uns/fail"
      Then the module answers OK
      And the module reports +QMTUNS: 0,4,2 within 3 seconds
      And the broker receives the UNSUBSCRIBE with packet id 4 3 times, 1 second apart
